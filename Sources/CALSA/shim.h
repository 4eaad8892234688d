#ifndef CALSA_SHIM_H
#define CALSA_SHIM_H
// ALSA's library (libasound2-dev), as a system-library target.
#include <alsa/asoundlib.h>
#endif
