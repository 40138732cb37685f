// The words behind the "not concrete" check on action items (insights.h, IsVagueAction), as data:
// add a word here and the rule knows it. English and Russian, written in lower case; they are
// folded like the note's text (core/layout/search.h), so case and ё/е do not matter. Russian words
// inflect: list each form that an action item plausibly uses.
#pragma once

namespace jb::vague {

// Verbs (and their noun forms) that name a wish rather than a task.
inline constexpr const char* kVerbs[] = {
    "improve",     "improving",     "improvement", "optimise",      "optimize",     "optimising",
    "optimizing",  "optimisation",  "optimization", "enhance",      "enhancing",    "enhancement",
    "increase",    "increasing",    "boost",       "streamline",    "better",       "maximise",
    "maximize",    "rethink",       "revamp",      "refine",        "fix",          "work",
    "улучшить",    "улучшать",      "улучшение",   "оптимизировать", "оптимизация", "повысить",
    "повышать",    "повышение",     "увеличить",   "увеличивать",   "увеличение",   "усилить",
    "доработать",  "наладить",      "проработать", "пересмотреть",  "поработать",
};

// Nouns so broad that naming them still names nothing to do.
inline constexpr const char* kObjects[] = {
    "experience",  "experiences",   "process",     "processes",     "ux",           "ui",
    "cx",          "site",          "website",     "web",           "app",          "service",
    "quality",     "satisfaction",  "conversion",  "retention",     "loyalty",      "nps",
    "csi",         "usability",     "journey",     "customer",      "customers",    "client",
    "user",        "users",         "things",      "everything",    "it",           "performance",
    "communication", "engagement",  "sales",       "onboarding",    "support",      "product",
    "опыт",        "опыта",         "процесс",     "процесса",      "процессы",     "сайт",
    "сайта",       "сайте",         "сервис",      "сервиса",       "качество",     "качества",
    "конверсию",   "конверсия",     "конверсии",   "лояльность",    "удовлетворенность",
    "удовлетворенности", "работу",  "работа",      "работы",        "всё",          "все",
    "клиентский",  "клиентского",   "клиентов",    "клиента",       "пользовательский",
    "пользовательского", "путь",    "пути",        "продажи",       "продаж",       "коммуникацию",
    "коммуникации", "поддержку",    "поддержки",   "продукт",       "продукта",     "приложение",
    "приложения",  "взаимодействие", "удобство",   "это",
};

// Small words that carry no object at all: articles, possessives, prepositions, intensifiers.
inline constexpr const char* kFillers[] = {
    "the",  "a",    "an",   "our",   "their", "its",  "of",    "for",  "to",    "in",
    "on",   "and",  "with", "overall", "general", "generally", "more", "much", "further", "somehow",
    "customer's", "s",  "all", "whole", "total",
    "наш",  "наше", "нашего", "нашу", "наши", "общий", "общее", "общую", "в",
    "на",   "и",    "для",  "по",    "с",     "со",   "еще",   "ещё",  "более", "как-то", "то",
    "как",  "весь", "всего", "целом", "немного", "значительно", "сильно",
};

}  // namespace jb::vague
