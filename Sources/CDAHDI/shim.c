// CDAHDI has no code of its own: everything is in include/CDAHDI.h.
#include "CDAHDI.h"
