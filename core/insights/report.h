// The follow-up report: what the map says after the workshop, for the people who act on it. The
// persona(s), the funnel and its biggest drop, the emotion curves' lowest and highest points, the
// top pains and those nobody answered, the opportunities ranked, who does what by when, and the
// map's other checks; in the board's language (BoardMeta::language), as Markdown for e-mail and
// wikis or as one self-contained HTML page.
//
// Like the page (core/io/html_page.h), it is meant for people outside the room: stages and lanes
// hidden for the room and covered (face-down) notes are left out.
#pragma once
#include <string>
#include <string_view>

#include "core/model/model.h"

namespace jb {

struct ReportOptions {
  std::string todayIso;  // YYYY-MM-DD: the report's date, and what is overdue; empty: none is
  std::string_view png;  // HTML only: the snapshot's PNG bytes; empty: no picture
  int pngWidth = 0, pngHeight = 0;
  std::string language;  // "en", "ru"; empty: the board's (meta.language)
};

std::string WriteReportMarkdown(const Board& board, const ReportOptions& options);
std::string WriteReportHtml(const Board& board, const ReportOptions& options);

// The report's sections from the funnel to the checks as HTML <section>s (ids "report-..."), for
// the shared page, which has its own title and personas; with ReportStyle's CSS.
std::string WriteReportSectionsHtml(const Board& board, const ReportOptions& options);
const char* ReportStyle();

}  // namespace jb
