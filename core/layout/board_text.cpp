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

constexpr Phrase kPageWords[] = {
    {"Customer journey map", "Карта пути клиента"},
    {"Made", "Создано"},
    {"Personas", "Персоны"},
    {"Snapshot of the board", "Снимок доски"},
    {"The whole board as drawn in Journeyboard", "Вся доска, как её рисует Journeyboard"},
    {"The map", "Карта"},
    {"Stages", "Этапы"},
    {"covered note", "закрытый стикер"},
    {"votes", "голоса"},
    {"Owner", "Ответственный"},
    {"Due", "Срок"},
    {"overdue", "просрочено"},
    {"Channel", "Канал"},
    {"Conversion", "Конверсия"},
    {"Severity", "Сила"},
    {"Hidden on the board and left out here", "Скрыто на доске и не показано здесь"},
    {"Emotion curves", "Кривые эмоций"},
    {"as-is", "как есть"},
    {"to-be", "как будет"},
    {"Action items", "Задачи"},
    {"Action", "Задача"},
    {"Stage", "Этап"},
    {"stage", "этап"},
    {"lane", "дорожка"},
    {"Top voted", "Больше всего голосов"},
    {"Touchpoints and metrics", "Точки контакта и метрики"},
    {"Touchpoint", "Точка контакта"},
    {"Links", "Связи"},
    {"Beside the map", "Рядом с картой"},
    {"Made with Journeyboard", "Сделано в Journeyboard"},
    {"Quote", "Цитата"},
    {"Retention", "Удержание"},
    {"Follow-up report", "Итоги по карте"},
    {"Funnel", "Воронка"},
    {"Biggest drop", "Самая большая потеря"},
    {"%s lost", "потеряно %s"},
    {"Reached", "Дошли"},
    {"Share", "Доля"},
    {"Lost before the next stage", "Потеряно до следующего этапа"},
    {"not measured", "не измерено"},
    {"Emotion curves: lowest and highest points", "Кривые эмоций: низшие и высшие точки"},
    {"Curve", "Кривая"},
    {"Lowest", "Низшая"},
    {"Highest", "Высшая"},
    {"Top pains", "Главные боли"},
    {"Pain", "Боль"},
    {"Votes × severity", "Голоса × сила"},
    {"Pains with no solution", "Боли без решения"},
    {"Every pain is linked to a solution.", "У каждой боли есть связанное решение."},
    {"Opportunities", "Возможности"},
    {"Solution", "Решение"},
    {"Customer value", "Ценность для клиента"},
    {"Business value", "Ценность для бизнеса"},
    {"Effort", "Трудоёмкость"},
    {"Priority", "Приоритет"},
    {"Ranked by (customer value + business value) / effort.", "По убыванию (ценность для клиента + ценность для бизнеса) / трудоёмкость."},
    {"Action items by owner", "Задачи по ответственным"},
    {"Unassigned", "Без ответственного"},
    {"no due date", "без срока"},
    {"Map checks", "Проверки карты"},
    {"Every check passes.", "Все проверки пройдены."},
    {"Pain with no solution", "Боль без решения"},
    {"Solution with no action item", "Решение без задачи"},
    {"Action item with no owner", "Задача без ответственного"},
    {"Action item with no due date", "Задача без срока"},
    {"Overdue action item", "Просроченная задача"},
    {"Action item that names no concrete task", "Задача без конкретного действия"},
    {"Stage with no touchpoint", "Этап без точки контакта"},
    {"Emotion low point with no pain in its stage", "Низшая точка эмоций без боли на этапе"},
    {"Not on the map yet", "На карте пока нет"},
    {"personas", "персон"},
    {"a funnel (no two stages have a reached count)", "воронки (ни у двух этапов нет числа дошедших)"},
    {"an emotion curve", "кривой эмоций"},
    {"pains", "болей"},
    {"scored solutions", "оценённых решений"},
    {"action items", "задач"},
};
static_assert(std::size(kPageWords) == static_cast<size_t>(PageWord::Count));

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

const char* PageText(std::string_view language, PageWord word) {
  return In(language, kPageWords[static_cast<size_t>(word)]);
}

const char* LanePrompt(std::string_view language, LaneKind kind) {
  return In(language, kPrompts[static_cast<size_t>(kind)]);
}

}  // namespace jb
