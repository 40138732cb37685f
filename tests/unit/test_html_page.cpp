// The shared page (core/io/html_page.h): escaping, base64, the map table, the curves' SVG, the
// lists, and what a page for people outside the room leaves out (hidden parts, covered text).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/io/html_page.h"
#include "core/io/templates.h"

using namespace jb;

namespace {

size_t CountOf(const std::string& text, const std::string& what) {
  size_t count = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++count;
  return count;
}

// The text from `open` to the first `close` after it ("" when `open` is missing).
std::string Between(const std::string& text, const std::string& open, const std::string& close) {
  const size_t begin = text.find(open);
  if (begin == std::string::npos) return "";
  const size_t end = text.find(close, begin + open.size());
  return text.substr(begin, end == std::string::npos ? std::string::npos : end + close.size() - begin);
}

std::string PageSection(const std::string& page, const std::string& id) {
  return Between(page, "<section id=\"" + id + "\">", "</section>");
}

// RFC 4648 decoding, written apart from the encoder so they do not share a mistake.
std::string DecodeBase64(const std::string& text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    return c == '+' ? 62 : c == '/' ? 63 : -1;
  };
  std::string out;
  unsigned bits = 0;
  int count = 0;
  for (char c : text) {
    if (c == '=') break;
    const int v = value(c);
    REQUIRE(v >= 0);
    bits = (bits << 6) | unsigned(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += char((bits >> count) & 0xff);
    }
  }
  return out;
}

Note* NoteWithText(Board& board, const std::string& text) {
  for (Note& note : board.notes)
    if (note.text == text) return &note;
  return nullptr;
}

}  // namespace

TEST_CASE("HTML page: base64 of the RFC 4648 vectors, and any bytes decode back") {
  CHECK(Base64("") == "");
  CHECK(Base64("f") == "Zg==");
  CHECK(Base64("fo") == "Zm8=");
  CHECK(Base64("foo") == "Zm9v");
  CHECK(Base64("foob") == "Zm9vYg==");
  CHECK(Base64("fooba") == "Zm9vYmE=");
  CHECK(Base64("foobar") == "Zm9vYmFy");
  std::string every;
  for (int i = 0; i < 256; ++i) every += char(i);
  for (size_t n = 250; n <= 256; ++n) CHECK(DecodeBase64(Base64(every.substr(0, n))) == every.substr(0, n));
  CHECK(Base64(std::string("\xff\xfe\x00", 3)) == "//4A");
}

TEST_CASE("HTML page: the escape turns all five of & < > \" ' into entities and leaves UTF-8 alone") {
  CHECK(HtmlEscape("a & b <i>\"q\" 'x'</i>") == "a &amp; b &lt;i&gt;&quot;q&quot; &#39;x&#39;&lt;/i&gt;");
  CHECK(HtmlEscape("Путь клиента 🚀") == "Путь клиента 🚀");
  CHECK(HtmlEscape("&amp;") == "&amp;amp;");
}

TEST_CASE("HTML page: a board full of hostile texts shows them as text, with no script, link or outside resource") {
  Board board = MakeBoard(Template::Sample);
  board.meta.title = "Q&A <b>map</b> \"quoted\"";
  board.stages[0].name = "<script>alert('stage')</script>";
  board.lanes[0].name = "Goals\" onmouseover=\"alert(1)";
  board.notes[0].text = "<script>alert(1)</script>";
  board.notes[1].text = "\"><img src=x onerror=alert(2)>";
  board.notes[2].text = "see https://example.com/x.png and <a href=\"http://evil\">here</a>";
  board.notes[3].owner = "</td></tr></table><script>";
  board.notes[4].tags = {"<style>body{display:none}</style>"};
  board.personas[0].name = "<iframe src=//evil>";
  board.personas[0].quote = "' onload='alert(3)";
  board.curves[0].name = "</title></svg><script>alert(4)</script>";
  board.curves[0].points[0].label = "<b>low</b> & \"sad\"";
  board.notes[5].channel = "<svg/onload=alert(5)>";
  const std::string png("\x89PNG\r\n\x1a\n", 8);
  const std::string page = WriteHtmlPage(board, {png, 10, 20, "2026-12-10"});

  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<iframe") == std::string::npos);
  CHECK(page.find("<a ") == std::string::npos);
  CHECK(page.find("href=\"") == std::string::npos);
  CHECK(page.find("src=\"http") == std::string::npos);
  CHECK(page.find("url(") == std::string::npos);
  CHECK(page.find("<link") == std::string::npos);
  CHECK(CountOf(page, "<img") == 1);                  // the snapshot, nothing else
  CHECK(CountOf(page, "<style>") == 1);
  CHECK(CountOf(page, "<svg") == 1);
  CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(page.find("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;") != std::string::npos);
  CHECK(page.find("<title>Q&amp;A &lt;b&gt;map&lt;/b&gt; &quot;quoted&quot;</title>") != std::string::npos);
  CHECK(page.find("<h1>Q&amp;A &lt;b&gt;map&lt;/b&gt; &quot;quoted&quot;</h1>") != std::string::npos);
  CHECK(page.find("Goals&quot; onmouseover=&quot;alert(1)") != std::string::npos);
  CHECK(page.find("&#39; onload=&#39;alert(3)") != std::string::npos);
  // In attribute values: the snapshot's alt holds the title escaped.
  CHECK(page.find("alt=\"The whole board as drawn in Journeyboard: Q&amp;A &lt;b&gt;map&lt;/b&gt; &quot;quoted&quot;\"") !=
        std::string::npos);
  // Inside the SVG: the curve's name and a point's label.
  const std::string svg = Between(page, "<svg", "</svg>");
  CHECK(svg.find("&lt;/title&gt;&lt;/svg&gt;&lt;script&gt;alert(4)&lt;/script&gt;") != std::string::npos);
  CHECK(svg.find("<title>&lt;b&gt;low&lt;/b&gt; &amp; &quot;sad&quot;</title>") != std::string::npos);
  CHECK(svg.find(">&lt;script&gt;alert(&#39;stage") != std::string::npos);  // cut to the stage's width
  CHECK(page.find("<th scope=\"col\">&lt;script&gt;alert(&#39;stage&#39;)&lt;/script&gt;</th>") != std::string::npos);
  // A URL in a note is text to read, never a link or a resource.
  CHECK(page.find("see https://example.com/x.png and &lt;a href=&quot;http://evil&quot;&gt;here&lt;/a&gt;") !=
        std::string::npos);
  board.notes[2].text = "plain";
  const std::string clean = WriteHtmlPage(board, {png, 10, 20, "2026-12-10"});
  CHECK(clean.find("http://") == std::string::npos);
  CHECK(clean.find("https://") == std::string::npos);
  CHECK(clean.find("<script") == std::string::npos);
}

TEST_CASE("HTML page: a Russian board is written in UTF-8 with lang ru and Russian headings") {
  Board board = MakeBoard(Template::FiveStage);
  Note note;
  note.id = NoteId(board.NewId());
  note.stage = board.stages[2].id;
  note.lane = board.lanes[4].id;  // Боли
  note.text = "Не понятно, сколько стоит доставка\nи когда её ждать";
  board.notes.push_back(note);
  board.lanes[1].hidden = true;
  const std::string page = WriteHtmlPage(board, {});
  CHECK(page.find("Скрыто на доске и не показано здесь: дорожка «Вопросы».") != std::string::npos);
  CHECK(page.find("<html lang=\"ru\">") != std::string::npos);
  CHECK(page.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(page.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">") != std::string::npos);
  CHECK(page.find("<h1>Пять этапов</h1>") != std::string::npos);
  CHECK(page.find("<h2>Карта</h2>") != std::string::npos);
  CHECK(page.find("Не понятно, сколько стоит доставка<br>и когда её ждать") != std::string::npos);
  CHECK(page.find("<th scope=\"col\">Лояльность</th>") != std::string::npos);
  CHECK(page.find("&#") == std::string::npos);  // no letter written as an entity
  CHECK(page.find("<img") == std::string::npos);  // no picture given, none shown
}

TEST_CASE("HTML page: the snapshot is a data URI whose base64 decodes back to the PNG, with its size") {
  const Board board = MakeBoard(Template::Sample);
  std::string png("\x89PNG\r\n\x1a\n", 8);
  for (int i = 0; i < 1000; ++i) png += char(i * 7 % 256);
  const std::string page = WriteHtmlPage(board, {png, 2000, 1234, ""});
  const std::string uri = Between(page, "src=\"data:image/png;base64,", "\"");
  REQUIRE(!uri.empty());
  const std::string base64 = uri.substr(std::string("src=\"data:image/png;base64,").size(),
                                        uri.size() - std::string("src=\"data:image/png;base64,").size() - 1);
  CHECK(DecodeBase64(base64) == png);
  CHECK(Between(page, "<img", ">").find("width=\"2000\" height=\"1234\"") != std::string::npos);
  CHECK(page.find("<details class=\"snapshot\" open>") != std::string::npos);
}

TEST_CASE("HTML page: the map is a real table, one header per stage and one row per lane, notes in their cells") {
  Board board = MakeBoard(Template::Sample);
  const std::string page = WriteHtmlPage(board, {});
  const std::string map = PageSection(page, "map");
  const std::string head = Between(map, "<thead>", "</thead>");
  const std::string body = Between(map, "<tbody>", "</tbody>");
  CHECK(CountOf(head, "<th ") == board.stages.size() + 1);  // the corner, then the stages
  CHECK(CountOf(head, "<tr>") == 1);
  CHECK(CountOf(body, "<tr>") == board.lanes.size());
  CHECK(CountOf(body, "<th scope=\"row\">") == board.lanes.size());
  CHECK(CountOf(body, "<td") == board.stages.size() * board.lanes.size());
  for (const Stage& stage : board.stages) CHECK(head.find(">" + stage.name + "</th>") != std::string::npos);
  // Each note in its lane's row, in its stage's column, with the lane kind's colour.
  const Note& pain = *NoteWithText(board, "SMS code takes over two minutes");
  const int lane = board.LaneIndex(pain.lane), stage = board.StageIndex(pain.stage);
  std::string row = body;
  for (int i = 0; i < lane; ++i) row = row.substr(row.find("</tr>") + 5);
  row = row.substr(0, row.find("</tr>"));
  std::string cell = row;
  for (int i = 0; i <= stage; ++i) cell = cell.substr(cell.find("<td") + 3);
  cell = cell.substr(0, cell.find("</td>"));
  CHECK(cell.find("SMS code takes over two minutes") != std::string::npos);
  CHECK(cell.find("style=\"background:#ffc9c2\"") != std::string::npos);  // Pain points' colour
  CHECK(cell.find("▲3") != std::string::npos);
  CHECK(cell.find("Severity 2/3") != std::string::npos);
  CHECK(cell.find("#tech debt") != std::string::npos);
  // A touchpoint's channel and metrics; the Emotions row lists the curves' points.
  CHECK(map.find("Channel: site · Conversion 38% · CSI 41 · NPS -12") != std::string::npos);
  CHECK(map.find("Maria — as-is: -0.8 — Card demanded before trial") != std::string::npos);
  // The free note sits beside the map.
  CHECK(PageSection(page, "free").find("Parking: ask legal about trial terms") != std::string::npos);
  CHECK(map.find("Parking:") == std::string::npos);
}

TEST_CASE("HTML page: one SVG with one path per curve, dashed for to-be, stage names as labels, and a legend") {
  Board board = MakeBoard(Template::Sample);
  const std::string page = WriteHtmlPage(board, {});
  const std::string svg = Between(page, "<svg", "</svg>");
  REQUIRE(!svg.empty());
  CHECK(CountOf(page, "<svg") == 1);
  CHECK(CountOf(svg, "<path ") == 2);
  CHECK(CountOf(svg, "stroke-dasharray") == 1);
  CHECK(svg.find("<title>Emotion curves: Maria — as-is, Maria — to-be</title>") != std::string::npos);
  CHECK(svg.find("stroke=\"#3b6fd8\" stroke-width=\"3\" stroke-linejoin=\"round\">") != std::string::npos);
  CHECK(svg.find("stroke=\"#2e9e57\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-dasharray") != std::string::npos);
  CHECK(CountOf(svg, "<circle") == board.curves[0].points.size() + board.curves[1].points.size());
  for (const Stage& stage : board.stages) CHECK(svg.find(">" + stage.name + "</text>") != std::string::npos);
  // The as-is curve's path: left to right, its lowest point (-0.8, Purchase) lowest on the page.
  const std::string path = Between(svg, "<path d=\"M", "\"");
  CHECK(CountOf(path, " L") == board.curves[0].points.size() - 1);
  const std::string legend = Between(page, "<ul class=\"legend\">", "</ul>");
  CHECK(legend.find("Maria — as-is (Maria, 34, as-is)") != std::string::npos);
  CHECK(legend.find("swatch dashed\" style=\"border-color:#2e9e57\"></span>Maria — to-be (Maria, 34, to-be)") !=
        std::string::npos);

  // A curve with no points draws nothing; nor one whose points are all in a hidden stage.
  board.curves[1].points.clear();
  CHECK(CountOf(Between(WriteHtmlPage(board, {}), "<svg", "</svg>"), "<path ") == 1);
  for (CurvePoint& point : board.curves[0].points) point.stage = board.stages[0].id;
  board.stages[0].hidden = true;
  CHECK(WriteHtmlPage(board, {}).find("<svg") == std::string::npos);
}

TEST_CASE("HTML page: the action items with owner and due date, soonest first, the overdue ones marked") {
  Board board = MakeBoard(Template::Sample);
  Note undated = *NoteWithText(board, "Ship guest catalogue browsing");
  undated.id = NoteId(board.NewId());
  undated.text = "Write the trial FAQ";
  undated.due.clear();
  undated.owner = "Ivo";
  board.notes.push_back(undated);
  const std::string page = WriteHtmlPage(board, {{}, 0, 0, "2026-12-10"});
  const std::string actions = PageSection(page, "actions");
  REQUIRE(!actions.empty());
  CHECK(CountOf(Between(actions, "<tbody>", "</tbody>"), "<tr>") == 5);
  const size_t leo = actions.find("Ship guest catalogue browsing"), sofia = actions.find("A/B test card-free trial"),
               anna = actions.find("Add &#39;Remind me before billing&#39; toggle"),
               tom = actions.find("Switch SMS provider"), ivo = actions.find("Write the trial FAQ");
  REQUIRE(ivo != std::string::npos);
  CHECK(leo < sofia);
  CHECK(sofia < anna);
  CHECK(anna < tom);
  CHECK(tom < ivo);  // no date: last
  CHECK(actions.find("<td>Leo M.</td><td><span class=\"overdue\">2026-11-20 (overdue)</span></td><td>Consideration</td>") !=
        std::string::npos);
  CHECK(actions.find("<span class=\"overdue\">2026-12-01 (overdue)</span>") != std::string::npos);
  CHECK(actions.find("<td>Anna K.</td><td>2026-12-15</td>") != std::string::npos);
  CHECK(CountOf(actions, "(overdue)") == 2);
  // No today: nothing is overdue.
  CHECK(WriteHtmlPage(board, {}).find("(overdue)") == std::string::npos);
  // Same day: votes decide.
  NoteWithText(board, "Switch SMS provider, code under 10 s")->due = "2026-12-15";
  NoteWithText(board, "Switch SMS provider, code under 10 s")->votes = 2;
  const std::string again = PageSection(WriteHtmlPage(board, {}), "actions");
  CHECK(again.find("Switch SMS provider") < again.find("Remind me before billing"));
}

TEST_CASE("HTML page: hidden stages and lanes are left out and named, covered notes are face down and out of the lists") {
  Board board = MakeBoard(Template::Sample);
  Stage* decision = nullptr;
  for (Stage& stage : board.stages)
    if (stage.name == "Decision") decision = &stage;
  REQUIRE(decision);
  decision->hidden = true;
  board.lanes[1].hidden = true;  // Questions
  Note* covered = NoteWithText(board, "Card required before trial — 38% drop here");
  covered->covered = true;
  NoteWithText(board, "Switch SMS provider, code under 10 s")->covered = true;
  const std::string page = WriteHtmlPage(board, {});
  const std::string map = PageSection(page, "map");
  CHECK(CountOf(Between(map, "<thead>", "</thead>"), "<th ") == board.stages.size());  // corner + 4 of 5
  CHECK(CountOf(Between(map, "<tbody>", "</tbody>"), "<tr>") == board.lanes.size() - 1);
  CHECK(map.find("<th scope=\"col\">Decision</th>") == std::string::npos);
  CHECK(page.find("Pricing page with three plans") == std::string::npos);  // a note of the hidden stage
  CHECK(page.find("Why do you need my card") == std::string::npos);        // of the hidden lane
  CHECK(map.find("<p class=\"left-out\">Hidden on the board and left out here: stage “Decision”, lane “Questions”.</p>") !=
        std::string::npos);
  // The covered note: its colour and "covered note", no text anywhere (not in Top voted either).
  CHECK(page.find("Card required before trial") == std::string::npos);
  CHECK(page.find("Switch SMS provider") == std::string::npos);
  CHECK(map.find("<li class=\"note covered\" style=\"background:#ffc9c2\">covered note</li>") != std::string::npos);
  CHECK(PageSection(page, "votes").find("▲5") == std::string::npos);
  // Points in the hidden stage are out of the SVG.
  const std::string svg = Between(page, "<svg", "</svg>");
  CHECK(CountOf(svg, "<circle") == board.curves[0].points.size() - 1 + board.curves[1].points.size() - 1);
  CHECK(svg.find(">Decision</text>") == std::string::npos);
}

TEST_CASE("HTML page: Top voted, the touchpoints with metrics and each link once as A → B (label)") {
  Board board = MakeBoard(Template::Sample);
  Arrow arrow;
  arrow.id = ArrowId(board.NewId());
  // From a note later on the board to an earlier one: the list follows the arrow, not board order.
  arrow.from.note = NoteWithText(board, "Switch SMS provider, code under 10 s")->id;
  arrow.to.note = NoteWithText(board, "SMS code takes over two minutes")->id;
  arrow.label = "fixes <this>";
  board.arrows.push_back(arrow);
  Arrow loose;  // a free end links nothing
  loose.id = ArrowId(board.NewId());
  loose.from.note = arrow.to.note;
  board.arrows.push_back(loose);
  for (int i = 0; i < 12; ++i) board.notes[size_t(i)].votes += 1;  // more than ten voted notes
  const std::string page = WriteHtmlPage(board, {});

  const std::string votes = PageSection(page, "votes");
  CHECK(CountOf(votes, "<li>") == 10);
  CHECK(votes.find("<li>▲5 Card required before trial — 38% drop here <span class=\"meta\">Purchase · Pain points</span>") <
        votes.find("<li>▲4 "));
  const std::string metrics = PageSection(page, "metrics");
  CHECK(CountOf(Between(metrics, "<tbody>", "</tbody>"), "<tr>") == 6);  // the friend's tip has no metric
  CHECK(metrics.find("<tr><td>Sign-up form and payment screen</td><td>Purchase</td><td>site</td><td>38%</td><td>41</td>"
                     "<td>-12</td></tr>") != std::string::npos);
  CHECK(metrics.find("<td>Instagram ad with a free month</td><td>Awareness</td><td>ads</td><td>2.1%</td><td></td><td></td>") !=
        std::string::npos);
  const std::string links = PageSection(page, "links");
  CHECK(CountOf(links, "<li>") == 1);
  CHECK(links.find("<li>Switch SMS provider, code under 10 s → SMS code takes over two minutes (fixes &lt;this&gt;)</li>") !=
        std::string::npos);
  // Nothing linked, no section.
  board.arrows.clear();
  CHECK(WriteHtmlPage(board, {}).find("<section id=\"links\">") == std::string::npos);
}

TEST_CASE("HTML page: the personas as cards with their fields, and the date the page was made") {
  Board board = MakeBoard(Template::Sample);
  board.meta.modified = "2026-11-30T10:00:00Z";
  const std::string page = WriteHtmlPage(board, {{}, 0, 0, "2026-12-10"});
  const std::string personas = PageSection(page, "personas");
  CHECK(personas.find("<h3>Maria, 34</h3>") != std::string::npos);
  CHECK(personas.find("<dt>GOALS</dt><dd>Unwind in the evening") != std::string::npos);
  CHECK(personas.find("<dt>OBJECTIONS</dt><dd>A &#39;free&#39; trial") != std::string::npos);
  CHECK(personas.find("<blockquote title=\"Quote\">I don&#39;t mind paying.") != std::string::npos);
  CHECK(page.find("<time datetime=\"2026-12-10\">2026-12-10</time>") != std::string::npos);
  CHECK(WriteHtmlPage(board, {}).find("<time datetime=\"2026-11-30\">") != std::string::npos);
  board.personas.clear();
  CHECK(WriteHtmlPage(board, {}).find("id=\"personas\"") == std::string::npos);
}
