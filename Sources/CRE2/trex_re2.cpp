// The C interface of trex_re2.h over re2::RE2.
#include "trex_re2.h"

#include <re2/re2.h>

#include <cstring>
#include <new>
#include <string>

struct trex_re2 {
    re2::RE2 regex;
    trex_re2(const re2::StringPiece &pattern, const re2::RE2::Options &options) : regex(pattern, options) {}
};

namespace {
void copy_truncated(char *destination, size_t capacity, const std::string &source) {
    size_t n = source.size() < capacity - 1 ? source.size() : capacity - 1;
    std::memcpy(destination, source.data(), n);
    destination[n] = '\0';
}
}  // namespace

extern "C" trex_re2 *trex_re2_compile(const char *pattern, size_t length, int64_t max_memory,
                                       trex_re2_error *error) {
    re2::RE2::Options options;
    options.set_encoding(re2::RE2::Options::EncodingUTF8);
    options.set_dot_nl(true);
    options.set_log_errors(false);
    options.set_max_mem(max_memory);
    trex_re2 *compiled = new (std::nothrow) trex_re2(re2::StringPiece(pattern, length), options);
    if (compiled == nullptr) {
        if (error != nullptr) {
            error->code = re2::RE2::ErrorPatternTooLarge;
            copy_truncated(error->message, sizeof error->message, "out of memory");
            error->fragment[0] = '\0';
        }
        return nullptr;
    }
    if (compiled->regex.ok()) return compiled;
    if (error != nullptr) {
        error->code = compiled->regex.error_code();
        copy_truncated(error->message, sizeof error->message, compiled->regex.error());
        copy_truncated(error->fragment, sizeof error->fragment, compiled->regex.error_arg());
    }
    delete compiled;
    return nullptr;
}

extern "C" void trex_re2_free(trex_re2 *regex) { delete regex; }

extern "C" int trex_re2_full_match(const trex_re2 *regex, const char *text, size_t length) {
    re2::StringPiece input(text == nullptr ? "" : text, text == nullptr ? 0 : length);
    return regex->regex.Match(input, 0, input.size(), re2::RE2::ANCHOR_BOTH, nullptr, 0) ? 1 : 0;
}
