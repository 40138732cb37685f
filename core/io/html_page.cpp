#include "core/io/html_page.h"

namespace jb {

// Placeholder of the foundation commit: the page lands with issue 17.
std::string WriteHtmlPage(const Board&, const HtmlPageOptions&) { return {}; }

}  // namespace jb
