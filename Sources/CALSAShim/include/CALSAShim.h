#ifndef CALSASHIM_H
#define CALSASHIM_H
// ALSA's error handler type is variadic, so Swift cannot supply one. This shim installs a C
// handler that formats the message and passes the text to a plain callback (or drops it).
// No other logic (STYLE.md §4).

/// Receives one formatted ALSA library message.
typedef void (*calsa_message_fn)(const char *function, int err, const char *message);

/// Routes ALSA's library messages to `fn`; NULL silences them. ALSA's handler is process-wide,
/// so the callback is too. Returns snd_lib_error_set_handler's result.
int calsa_set_message_handler(calsa_message_fn fn);
#endif
