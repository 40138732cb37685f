// Built-in boards: the templates a facilitator starts from and the filled sample board.
#pragma once
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace jb {

enum class Template {
  Classic,    // Awareness, Consideration, Decision, Purchase, Post-purchase; 8 standard lanes
  FiveStage,  // Пять этапов: Поиск, Выбор, Покупка, Удержание, Лояльность; 6 lanes
  Blank,      // 3 stages, 2 lanes, ready to be renamed
  Sample,     // a realistic filled map: what the app opens with no file
};

struct TemplateInfo {
  Template id;
  const char* key;    // command-line name: classic, five-stage, blank, sample
  const char* title;  // menu label
};
const std::vector<TemplateInfo>& Templates();
bool TemplateFromKey(std::string_view key, Template* out);

Board MakeBoard(Template which);

}  // namespace jb
