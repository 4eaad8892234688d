#include <stdarg.h>
#include <stdio.h>
#include <alsa/asoundlib.h>
#include "CALSAShim.h"

// ALSA keeps one handler per process; this is its forwarding target (set before audio starts).
static calsa_message_fn forward_to;

static void forward(const char *file, int line, const char *function, int err, const char *fmt, ...) {
    (void)file; (void)line;
    char text[512];
    va_list args;
    va_start(args, fmt);
    vsnprintf(text, sizeof text, fmt, args);
    va_end(args);
    if (forward_to) forward_to(function, err, text);
}

static void drop(const char *file, int line, const char *function, int err, const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

int calsa_set_message_handler(calsa_message_fn fn) {
    forward_to = fn;
    return snd_lib_error_set_handler(fn ? forward : drop);
}
