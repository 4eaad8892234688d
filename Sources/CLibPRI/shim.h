// libpri (Debian libpri-dev). libpri.h uses struct timeval without including it.
#include <sys/time.h>
#include <libpri.h>
