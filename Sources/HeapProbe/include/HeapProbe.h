#ifndef HEAP_PROBE_H
#define HEAP_PROBE_H

#include <stddef.h>

/// Bytes the C allocator has handed out and not had back (glibc's
/// `mallinfo2`: small blocks in use plus mmapped blocks), or 0 where the
/// allocator cannot say. The benchmark reads it between steps to tell what
/// each step's results hold, which the resident set (freed pages included)
/// cannot.
size_t heap_probe_bytes_in_use(void);

#endif
