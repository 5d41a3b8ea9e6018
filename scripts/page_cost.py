#!/usr/bin/env python3
"""What fresh memory costs on this machine: maps MB of anonymous memory, asks for transparent
huge pages (as mimalloc does) or small pages, writes one byte per 4 KiB page, and exits. Time
it with scripts/ab.py and read the `sys` column (the kernel zeroing the pages it hands out):

    python3 scripts/ab.py 15 'python3 scripts/page_cost.py 1 thp' \\
        'python3 scripts/page_cost.py 46 thp' 'python3 scripts/page_cost.py 46 small'

Usage: page_cost.py MB thp|small
"""
import ctypes
import mmap
import sys

mb, kind = int(sys.argv[1]), sys.argv[2]
huge = 2 << 20
size = mb << 20
m = mmap.mmap(-1, size + huge, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
# Huge pages back 2 MiB-aligned extents: start at the first aligned byte of the mapping.
start = -ctypes.addressof(ctypes.c_char.from_buffer(m)) % huge
m.madvise(mmap.MADV_HUGEPAGE if kind == "thp" else mmap.MADV_NOHUGEPAGE)
for i in range(start, start + size, 4096):
    m[i] = 1
