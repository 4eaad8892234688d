#include "CDAHDI.h"
