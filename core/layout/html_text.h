// Text made safe for HTML, and bytes as base64: the building blocks of the shared page
// (core/io/html_page.h) and the follow-up report (core/insights/report.h), which both sit above
// core/layout.
#pragma once
#include <string>
#include <string_view>

namespace jb {

// `text` with & < > " ' as entities (fit for element text and quoted attribute values).
std::string HtmlEscape(std::string_view text);
// RFC 4648 base64 with padding (for data: URIs).
std::string Base64(std::string_view bytes);
// A number to one decimal, the decimal only when needed ("12", "-0.8", "33.3"), written by hand:
// snprintf's "%f" follows LC_NUMERIC, and a comma would break SVG coordinates and tables alike.
std::string Tenths(double value);

}  // namespace jb
