#include "app/platform/i18n.h"

#include <libintl.h>

namespace jb {

const char* Tr(const char* msgid) {
  return dgettext("journeyboard", msgid);
}

}  // namespace jb
