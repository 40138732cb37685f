#include "core/layout/board_text.h"

namespace jb {
namespace {

struct Phrase {
  const char* en;
  const char* ru;
};

constexpr Phrase kPhrases[] = {
    {"GOALS", "ЦЕЛИ"},
    {"NEEDS", "ПОТРЕБНОСТИ"},
    {"PAINS AND FEARS", "БОЛИ И СТРАХИ"},
    {"OBJECTIONS", "ВОЗРАЖЕНИЯ"},
    {"CHANNELS", "КАНАЛЫ"},
    {"Age", "Возраст"},
    {"Gender", "Пол"},
    {"Family", "Семья"},
    {"Lives in", "Живёт"},
    {"Does", "Занятие"},
    {"Income", "Доход"},
    {"Status", "Статус"},
    {"Free time", "Свободное время"},
    {"Decides", "Решает"},
    {"Held back by", "Мешает"},
    {"If never solved", "Если не решить"},
    {"Likes in competitors", "Нравится у конкурентов"},
    {"CUSTOMERS REACHED", "ДОШЛИ ДО ЭТАПА"},
    {"conv", "конв."},
};
static_assert(std::size(kPhrases) == static_cast<size_t>(BoardPhrase::Count));

// In LaneKind's order (model.h).
constexpr Phrase kPrompts[] = {
    {"What is the customer trying to achieve here?", "Чего клиент хочет на этом этапе?"},
    {"What does the customer ask at this step?", "Какие вопросы задаёт себе клиент?"},
    {"Where does the customer meet us?", "Где клиент встречается с нами?"},
    {"How does the customer feel? Double-click to add a point", "Что чувствует клиент? Двойной щелчок добавит точку"},
    {"What gets in the customer's way?", "Что мешает клиенту?"},
    {"What pleases the customer here?", "Что радует клиента?"},
    {"How could we remove the pain?", "Как мы можем убрать эту боль?"},
    {"Who does what, and by when?", "Кто что делает и к какому сроку?"},
    {"What do we measure here?", "Что мы здесь измеряем?"},
    {"", ""},
};
static_assert(std::size(kPrompts) == static_cast<size_t>(kLaneKindCount));

constexpr BoardLanguage kLanguages[] = {{"en", "English"}, {"ru", "Русский"}};

const char* In(std::string_view language, const Phrase& phrase) {
  return language == "ru" ? phrase.ru : phrase.en;
}

}  // namespace

const BoardLanguage* BoardLanguages(int* count) {
  *count = static_cast<int>(std::size(kLanguages));
  return kLanguages;
}

const char* BoardTextIn(std::string_view language, BoardPhrase phrase) {
  return In(language, kPhrases[static_cast<size_t>(phrase)]);
}

const char* LanePrompt(std::string_view language, LaneKind kind) {
  return In(language, kPrompts[static_cast<size_t>(kind)]);
}

}  // namespace jb
