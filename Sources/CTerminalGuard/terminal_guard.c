#define _GNU_SOURCE
#include "terminal_guard.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#define SEQUENCE_CAPACITY 256
#define SIGNAL_SLOTS 65

static int tty_fd = -1;
static struct termios shell_mode;
static int have_shell_mode;
static struct termios program_mode;
static int have_program_mode;
static char leave_sequence[SEQUENCE_CAPACITY];
static size_t leave_length;
static char enter_sequence[SEQUENCE_CAPACITY];
static size_t enter_length;

static volatile sig_atomic_t active;
static volatile sig_atomic_t termination_signal;
static volatile sig_atomic_t resumed;
static int installed;
static int registered_atexit;
static struct sigaction previous[SIGNAL_SLOTS];
static char *alternate_stack;

static const int termination_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGQUIT};
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))

// MARK: - Restoring

static void write_all(const char *bytes, size_t length) {
    while (length > 0 && tty_fd >= 0) {
        ssize_t written = write(tty_fd, bytes, length);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        length -= (size_t)written;
    }
}

void tg_restore(void) {
    if (!active || tty_fd < 0) return;
    active = 0;
    int saved_errno = errno;
    write_all(leave_sequence, leave_length);
    if (have_shell_mode) tcsetattr(tty_fd, TCSANOW, &shell_mode);
    errno = saved_errno;
}

static void restore_at_exit(void) { tg_restore(); }

// MARK: - Handlers

static void on_termination(int sig) {
    if (termination_signal != 0) {
        // The program did not leave after the first one: restore now and die of the signal.
        tg_restore();
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    termination_signal = sig;
}

static void on_stop(int sig) {
    (void)sig;
    int saved_errno = errno;
    int was_active = active;
    tg_restore();

    struct sigaction default_action, ours;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(SIGTSTP, &default_action, &ours);
    raise(SIGTSTP);  // pending: SIGTSTP is blocked while this handler runs
    sigset_t unblock, old_mask;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    sigprocmask(SIG_UNBLOCK, &unblock, &old_mask);  // the process stops here until SIGCONT
    sigprocmask(SIG_SETMASK, &old_mask, NULL);
    sigaction(SIGTSTP, &ours, NULL);

    if (was_active && tty_fd >= 0) {
        if (tcgetattr(tty_fd, &shell_mode) == 0) have_shell_mode = 1;
        if (have_program_mode) tcsetattr(tty_fd, TCSANOW, &program_mode);
        write_all(enter_sequence, enter_length);
        active = 1;
        resumed = 1;
    }
    errno = saved_errno;
}

static void on_continue(int sig) {
    (void)sig;
    int saved_errno = errno;
    // Stopped by SIGSTOP (a debugger, kill -STOP) without passing through on_stop: the shell has since
    // set its own modes, so take the terminal back. After on_stop, `active` is 0 here and on_stop does it.
    if (active && tty_fd >= 0) {
        if (have_program_mode) tcsetattr(tty_fd, TCSANOW, &program_mode);
        write_all(enter_sequence, enter_length);
    }
    resumed = 1;
    errno = saved_errno;
}

static void on_fatal(int sig, siginfo_t *info, void *context) {
    (void)context;
    tg_restore();
    struct sigaction next = previous[sig];
    if (next.sa_handler == SIG_IGN) next.sa_handler = SIG_DFL;
    sigaction(sig, &next, NULL);
    // A fault re-executes the faulting instruction on return and reaches the next handler with its
    // own context; a signal sent or raised (abort, int3, kill) is raised again, delivered on return.
    if (info == NULL || info->si_code <= 0 || sig == SIGABRT || sig == SIGTRAP || sig == SIGQUIT) {
        raise(sig);
    }
}

// MARK: - Installing

static void install(int sig, struct sigaction *action) {
    sigaction(sig, action, &previous[sig]);
}

int tg_install(int fd) {
    tty_fd = fd;
    have_shell_mode = tcgetattr(fd, &shell_mode) == 0;
    have_program_mode = 0;
    termination_signal = 0;
    resumed = 0;
    if (!registered_atexit) {
        atexit(restore_at_exit);
        registered_atexit = 1;
    }
    if (installed) return 0;

    // An alternate stack, so a stack overflow can still restore the terminal (unless one is set).
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && (current.ss_flags & SS_DISABLE)) {
        size_t size = 64 * 1024;
        alternate_stack = malloc(size);
        if (alternate_stack != NULL) {
            stack_t stack = {.ss_sp = alternate_stack, .ss_size = size, .ss_flags = 0};
            sigaltstack(&stack, NULL);
        }
    }

    struct sigaction termination;
    memset(&termination, 0, sizeof termination);
    termination.sa_handler = on_termination;
    sigemptyset(&termination.sa_mask);
    for (size_t i = 0; i < COUNT(termination_signals); i++) sigaddset(&termination.sa_mask, termination_signals[i]);
    termination.sa_flags = 0;  // no SA_RESTART: a blocking read wakes up
    for (size_t i = 0; i < COUNT(termination_signals); i++) {
        // A signal ignored at start (nohup, a background job of a non-interactive shell) stays ignored.
        struct sigaction current_action;
        if (sigaction(termination_signals[i], NULL, &current_action) == 0 && current_action.sa_handler == SIG_IGN) {
            previous[termination_signals[i]] = current_action;
            continue;
        }
        install(termination_signals[i], &termination);
    }

    struct sigaction stop;
    memset(&stop, 0, sizeof stop);
    stop.sa_handler = on_stop;
    sigemptyset(&stop.sa_mask);
    stop.sa_flags = SA_RESTART;
    install(SIGTSTP, &stop);

    struct sigaction cont;
    memset(&cont, 0, sizeof cont);
    cont.sa_handler = on_continue;
    sigemptyset(&cont.sa_mask);
    cont.sa_flags = SA_RESTART;
    install(SIGCONT, &cont);

    struct sigaction fatal;
    memset(&fatal, 0, sizeof fatal);
    fatal.sa_sigaction = on_fatal;
    sigemptyset(&fatal.sa_mask);
    fatal.sa_flags = SA_SIGINFO | SA_ONSTACK;
    for (size_t i = 0; i < COUNT(fatal_signals); i++) install(fatal_signals[i], &fatal);

    // Signals blocked by whoever started us would never reach the handlers (nor curses' SIGWINCH).
    sigset_t wanted;
    sigemptyset(&wanted);
    int unblocked[] = {SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, SIGWINCH};
    for (size_t i = 0; i < COUNT(unblocked); i++) sigaddset(&wanted, unblocked[i]);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);

    installed = 1;
    return 0;
}

void tg_set_sequences(const char *leave, size_t leave_len, const char *enter, size_t enter_len) {
    leave_length = leave_len < SEQUENCE_CAPACITY ? leave_len : SEQUENCE_CAPACITY;
    memcpy(leave_sequence, leave, leave_length);
    enter_length = enter_len < SEQUENCE_CAPACITY ? enter_len : SEQUENCE_CAPACITY;
    memcpy(enter_sequence, enter, enter_length);
}

void tg_save_program_mode(void) {
    if (tty_fd >= 0) have_program_mode = tcgetattr(tty_fd, &program_mode) == 0;
}

void tg_set_active(int is_active) { active = is_active ? 1 : 0; }

int tg_termination_signal(void) { return termination_signal; }

int tg_take_resumed(void) {
    int was = resumed;
    resumed = 0;
    return was;
}

void tg_uninstall(void) {
    if (!installed) return;
    active = 0;
    for (size_t i = 0; i < COUNT(termination_signals); i++) sigaction(termination_signals[i], &previous[termination_signals[i]], NULL);
    sigaction(SIGTSTP, &previous[SIGTSTP], NULL);
    sigaction(SIGCONT, &previous[SIGCONT], NULL);
    for (size_t i = 0; i < COUNT(fatal_signals); i++) sigaction(fatal_signals[i], &previous[fatal_signals[i]], NULL);
    installed = 0;
    tty_fd = -1;
}
