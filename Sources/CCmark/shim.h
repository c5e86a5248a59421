#ifndef TRE_CCMARK_SHIM_H
#define TRE_CCMARK_SHIM_H
#include <cmark.h>
#endif
