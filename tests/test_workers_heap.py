"""The heap while a build runs (glibc): memory freed in the block is used again without new page faults."""

from __future__ import annotations

import resource

import pytest

from kgbuild.workers import _glibc, steady_heap

PAGE = resource.getpagesize()
SIZE = 24 << 20  # below the block's mmap threshold (32 MB), above glibc's default (128 kB)


def _faults_making(size: int) -> int:
    """Minor page faults while making (and zero-filling) a buffer of ``size`` bytes, then freeing it."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    buffer = bytearray(size)
    buffer[::PAGE] = b"\x01" * len(range(0, size, PAGE))  # touch every page
    del buffer
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


@pytest.mark.skipif(_glibc() is None, reason="steady_heap changes glibc's malloc only")
def test_a_large_buffer_freed_in_the_block_is_made_again_without_page_faults():
    with steady_heap():
        _faults_making(SIZE)  # first time: its pages may be new
        again = _faults_making(SIZE)
    assert again < SIZE // PAGE // 20  # 6,144 pages: a buffer given back to the system would fault them all in again


def test_the_block_passes_on_errors_and_can_be_entered_again():
    with pytest.raises(RuntimeError), steady_heap():
        raise RuntimeError("stop")
    with steady_heap(), steady_heap():  # nested: the inner block's end leaves the outer one working
        assert bytearray(SIZE)[-1] == 0
