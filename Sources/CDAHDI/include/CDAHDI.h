#ifndef CDAHDI_H
#define CDAHDI_H
// Re-exports what Swift cannot import from <dahdi/user.h>: the _IOW/_IOR request codes.
// No logic, no allocation, no logging (STYLE.md §4).
#endif
