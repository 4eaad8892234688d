#ifndef CDAHDI_H
#define CDAHDI_H
// Re-exports what Swift cannot import from <dahdi/user.h>: the _IO/_IOR/_IOW/_IOWR request codes
// (function-like macros over sizeof). The structs, DAHDI_EVENT_*, DAHDI_SIG_*, DAHDI_ALARM_* and
// other plain integer macros import directly. No logic, no allocation, no logging (STYLE.md §4).
// The header comes from Debian's dahdi-source (/usr/include/dahdi/user.h), the kernel's own ABI.
#include <dahdi/user.h>

// Channel set-up.
static const unsigned long CDAHDI_SPECIFY = DAHDI_SPECIFY;
static const unsigned long CDAHDI_CHANNO = DAHDI_CHANNO;
static const unsigned long CDAHDI_GET_BLOCKSIZE = DAHDI_GET_BLOCKSIZE;
static const unsigned long CDAHDI_SET_BLOCKSIZE = DAHDI_SET_BLOCKSIZE;
static const unsigned long CDAHDI_GET_BUFINFO = DAHDI_GET_BUFINFO;
static const unsigned long CDAHDI_SET_BUFINFO = DAHDI_SET_BUFINFO;
static const unsigned long CDAHDI_FLUSH = DAHDI_FLUSH;
static const unsigned long CDAHDI_SETLAW = DAHDI_SETLAW;
static const unsigned long CDAHDI_SETLINEAR = DAHDI_SETLINEAR;
static const unsigned long CDAHDI_AUDIOMODE = DAHDI_AUDIOMODE;
static const unsigned long CDAHDI_HDLCRAWMODE = DAHDI_HDLCRAWMODE;
static const unsigned long CDAHDI_HDLCFCSMODE = DAHDI_HDLCFCSMODE;

// Parameters and status.
static const unsigned long CDAHDI_GET_PARAMS = DAHDI_GET_PARAMS;
static const unsigned long CDAHDI_SET_PARAMS = DAHDI_SET_PARAMS;
static const unsigned long CDAHDI_SPANSTAT = DAHDI_SPANSTAT;
static const unsigned long CDAHDI_GETVERSION = DAHDI_GETVERSION;

// Signalling.
static const unsigned long CDAHDI_HOOK = DAHDI_HOOK;
static const unsigned long CDAHDI_GETEVENT = DAHDI_GETEVENT;
static const unsigned long CDAHDI_SETPOLARITY = DAHDI_SETPOLARITY;
static const unsigned long CDAHDI_GETRXBITS = DAHDI_GETRXBITS;
static const unsigned long CDAHDI_SETTXBITS = DAHDI_SETTXBITS;
static const unsigned long CDAHDI_SETCADENCE = DAHDI_SETCADENCE;

// Echo canceller.
static const unsigned long CDAHDI_ECHOCANCEL = DAHDI_ECHOCANCEL;
static const unsigned long CDAHDI_ECHOCANCEL_PARAMS = DAHDI_ECHOCANCEL_PARAMS;
static const unsigned long CDAHDI_ECHOTRAIN = DAHDI_ECHOTRAIN;

// Span control (on /dev/dahdi/ctl).
static const unsigned long CDAHDI_STARTUP = DAHDI_STARTUP;
static const unsigned long CDAHDI_SHUTDOWN = DAHDI_SHUTDOWN;
static const unsigned long CDAHDI_DYNAMIC_CREATE = DAHDI_DYNAMIC_CREATE;
static const unsigned long CDAHDI_DYNAMIC_DESTROY = DAHDI_DYNAMIC_DESTROY;

// Signalling values built on __DAHDI_SIG_FXS/__DAHDI_SIG_FXO, which Swift does not import.
static const int CDAHDI_SIG_FXSLS = DAHDI_SIG_FXSLS;
static const int CDAHDI_SIG_FXSGS = DAHDI_SIG_FXSGS;
static const int CDAHDI_SIG_FXSKS = DAHDI_SIG_FXSKS;
static const int CDAHDI_SIG_FXOLS = DAHDI_SIG_FXOLS;
static const int CDAHDI_SIG_FXOGS = DAHDI_SIG_FXOGS;
static const int CDAHDI_SIG_FXOKS = DAHDI_SIG_FXOKS;
// ... and nested DAHDI_SIG_CLEAR macros, likewise not imported.
static const int CDAHDI_SIG_HDLCRAW = DAHDI_SIG_HDLCRAW;
static const int CDAHDI_SIG_HDLCFCS = DAHDI_SIG_HDLCFCS;
static const int CDAHDI_SIG_HARDHDLC = DAHDI_SIG_HARDHDLC;

// errno values DAHDI uses that glibc does not name.
static const int CDAHDI_ELAST = ELAST;

#endif
