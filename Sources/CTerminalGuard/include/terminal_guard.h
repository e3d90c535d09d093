// terminal_guard: restores the terminal on signals, crashes and exit. Async-signal-safe C, because a
// Swift 6 global cannot be touched from a signal handler.
//
// - SIGINT, SIGTERM, SIGHUP set a flag that the backend reports as an interruption; the loop then
//   leaves curses cleanly. A second one before the program is gone restores the terminal at once and
//   dies of the signal (for a program stuck outside its loop).
// - SIGTSTP (Ctrl-Z) restores the shell's terminal, stops, and on SIGCONT takes the terminal back and
//   flags a resume so the backend repaints everything. SIGCONT after a SIGSTOP (a debugger, kill -STOP)
//   takes the terminal back the same way.
// - SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT restore the terminal, then hand the
//   signal to the previous handler (Swift's backtracer) or the default action, so the crash still
//   reports.
// - atexit restores too; tg_restore() is the "restore now" call before a fatal error.
#ifndef TREX_TERMINAL_GUARD_H
#define TREX_TERMINAL_GUARD_H

#include <stddef.h>

/// Saves the terminal modes of `fd` (the shell's) and installs the handlers (once). 0 on success.
int tg_install(int fd);

/// The bytes that leave the program's screen (rmcup, cnorm, sgr0, rmkx) and that enter it again.
void tg_set_sequences(const char *leave, size_t leave_length, const char *enter, size_t enter_length);

/// Records the current terminal modes as the program's (after curses set them up).
void tg_save_program_mode(void);

/// Whether curses owns the screen: restoring does something only while it does.
void tg_set_active(int active);

/// Leaves the program's screen and restores the shell's modes now, if curses owns the screen.
/// Idempotent and async-signal-safe.
void tg_restore(void);

/// The signal number of a pending SIGINT, SIGTERM or SIGHUP, or 0.
int tg_termination_signal(void);

/// 1 once after the program was continued from a Ctrl-Z stop, else 0.
int tg_take_resumed(void);

/// Puts the previous handlers back and forgets the terminal.
void tg_uninstall(void);

#endif
