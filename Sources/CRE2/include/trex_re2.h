// A C interface to RE2 (https://github.com/google/re2), the linear-time regular expression
// engine, for TraceQuery's `LinearRegex`. Patterns are UTF-8, `.` matches a newline, matches
// are anchored at both ends, and RE2 never logs to standard error.
#ifndef TREX_RE2_H
#define TREX_RE2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A compiled pattern; owned by the caller, freed with `trex_re2_free`.
typedef struct trex_re2 trex_re2;

/// Why a pattern did not compile: RE2's error code (`re2::RE2::ErrorCode`), its message and
/// the fragment of the pattern it blames, each truncated to fit (always NUL-terminated).
typedef struct trex_re2_error {
    int code;
    char message[256];
    char fragment[128];
} trex_re2_error;

/// Compiles `length` bytes of `pattern` with at most `max_memory` bytes for the compiled
/// program and its DFA caches. NULL when RE2 refuses the pattern, with `error` filled in.
trex_re2 *trex_re2_compile(const char *pattern, size_t length, int64_t max_memory, trex_re2_error *error);

/// Frees a compiled pattern (NULL is allowed).
void trex_re2_free(trex_re2 *regex);

/// 1 when the whole of `length` bytes of `text` matches, else 0. Linear in `length`.
int trex_re2_full_match(const trex_re2 *regex, const char *text, size_t length);

#ifdef __cplusplus
}
#endif

#endif
