// What Swift 6 cannot import from ncurses (macros) or rejects (mutable C globals), as inline
// accessors. Only NcursesBackend imports this module.
#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <term.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>

// MARK: - Globals

static inline WINDOW *trex_stdscr(void) { return stdscr; }
static inline int trex_colors(void) { return COLORS; }
static inline int trex_color_pairs(void) { return COLOR_PAIRS; }
static inline TERMINAL *trex_cur_term(void) { return cur_term; }

// MARK: - Attributes (attr_t bits for setcchar)

static inline attr_t trex_attr_normal(void) { return WA_NORMAL; }
static inline attr_t trex_attr_bold(void) { return WA_BOLD; }
static inline attr_t trex_attr_dim(void) { return WA_DIM; }
static inline attr_t trex_attr_reverse(void) { return WA_REVERSE; }
static inline attr_t trex_attr_underline(void) { return WA_UNDERLINE; }
static inline attr_t trex_attr_italic(void) { return WA_ITALIC; }

// MARK: - Keys

static inline int trex_key_f(int n) { return KEY_F(n); }

// MARK: - Mouse

/// The mouse events trex asks for: left and right presses, and the wheel (buttons 4 and 5).
/// The left release, click and double click too: reports that arrive together in one read
/// (a busy machine, a quick double click) are merged by ncurses into a click or a double
/// click even with mouseinterval(0), and dropped unless asked for.
static inline mmask_t trex_mouse_events(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED
        | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}

/// Takes the mouse event that came with KEY_MOUSE: 1 left press (or a click merged from a
/// press and its release), 5 a double (or triple) click merged by ncurses, 6 left release,
/// 2 right press, 3 wheel up, 4 wheel down, 0 anything else (or none), with its cell in *x, *y.
static inline int trex_read_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED)) return 5;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON3_PRESSED) return 2;
    if (event.bstate & BUTTON4_PRESSED) return 3;
    if (event.bstate & BUTTON5_PRESSED) return 4;
    if (event.bstate & BUTTON1_RELEASED) return 6;
    return 0;
}

// MARK: - Terminfo

/// A string capability, or NULL when the terminal lacks it (tigetstr's (char *)-1 included).
static inline const char *trex_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == (char *)-1) ? NULL : value;
}

/// Checks a terminal type without printing or exiting: 1 found, 0 not found, -1 no terminfo database.
static inline int trex_probe_terminal(const char *name, int fd, int *has_cursor_address) {
    int error = 0;
    TERMINAL *saved = cur_term;
    if (setupterm(name, fd, &error) != OK) {
        set_curterm(saved);
        return error;
    }
    const char *cup = trex_tigetstr("cup");
    *has_cursor_address = cup != NULL && cup[0] != '\0';
    TERMINAL *probed = set_curterm(saved);
    if (probed != NULL && probed != saved) del_curterm(probed);
    return 1;
}

/// What ncurses writes to turn mouse reporting on for this terminal (its XM capability with
/// 1), or NULL when the terminal has no XM (then ncurses uses X10 mode, ESC [ ? 1000 h).
static inline const char *trex_mouse_on_sequence(void) {
    const char *xm = trex_tigetstr("XM");
    return xm != NULL ? tiparm(xm, 1) : NULL;
}

// MARK: - Wide characters

/// setcchar with a pair number that may exceed a short (ncurses' extended colour pairs).
static inline int trex_setcchar(cchar_t *cell, const wchar_t *characters, attr_t attributes, int pair) {
    return setcchar(cell, characters, attributes, (short)(pair <= 32767 ? pair : 0), pair > 32767 ? &pair : NULL);
}

// MARK: - Locale

/// The name of the current LC_CTYPE codeset ("UTF-8", "ANSI_X3.4-1968").
static inline const char *trex_codeset(void) { return nl_langinfo(CODESET); }

// MARK: - Terminal device

#include <sys/ioctl.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/// Sets a terminal device's window size (ioctl is variadic, so Swift cannot call it). 0 on success.
static inline int trex_set_window_size(int fd, unsigned short height, unsigned short width) {
    struct winsize size = {.ws_row = height, .ws_col = width, .ws_xpixel = 0, .ws_ypixel = 0};
    return ioctl(fd, TIOCSWINSZ, &size);
}

extern int posix_openpt(int flags);
extern int grantpt(int fd);
extern int unlockpt(int fd);
extern char *ptsname(int fd);

/// Opens a pseudo-terminal master and writes its slave's path into `path` (for tests). The master
/// descriptor, or -1.
static inline int trex_open_pty(char *path, size_t capacity) {
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0) return -1;
    const char *name = (grantpt(master) == 0 && unlockpt(master) == 0) ? ptsname(master) : NULL;
    if (name == NULL || strlen(name) + 1 > capacity) {
        close(master);
        return -1;
    }
    strcpy(path, name);
    return master;
}
