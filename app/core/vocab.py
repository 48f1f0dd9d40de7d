"""The controlled vocabularies of the data contract, each defined once with its meaning.

Every other module (schema, validator, charts, pages, data dictionary) reads them from here.
Order matters: it is the order used in legends, filters and layouts.
"""

from __future__ import annotations

from app.core.messages.vocabulary import MESSAGES as _LABELS

ACTOR_TYPES: dict[str, str] = {
    "client": "Buys or deploys the AI product (e.g. a supermarket, a canteen operator).",
    "ai_company": "Makes and sells the AI product; often the lead firm of the chain.",
    "platform": "Online platform or service that distributes tasks to workers.",
    "vendor": "Company selling data services (annotation, moderation) to AI companies.",
    "subcontractor": "Firm or informal operation that takes on work from another intermediary.",
    "supervisor": "Organisation that manages or checks workers on behalf of another.",
    "worker_pool": "The people doing the data work, as a group (never one identifiable person).",
    "end_user": "People who use the product or are captured by it; their inputs are data too.",
}

# Actor types that name people as a group ("Workers in France", "Smart-speaker users"): the
# subject of a sentence, they take the plural verb ("supply data to", "fournissent").
GROUP_ACTOR_TYPES = ("worker_pool", "end_user")

RELATIONS: dict[str, str] = {
    "outsources_to": "commissions work from the other actor",
    "sells_to": "sells the AI product or a service to the other actor",
    "recruits": "recruits the other actor (usually a worker pool) to do tasks",
    "supervises": "manages or checks the work of the other actor",
    "operates": "owns or runs the other actor (e.g. a firm and its own platform)",
    "supplies_data": "provides data, paid or unpaid, to the other actor",
}

# How each value reads on screen, in English: the catalogue (app/core/messages/vocabulary.py,
# keys `vocab.<kind>.<value>`) holds every language; use `app.core.i18n.vocab_label`.
ACTOR_TYPE_LABELS: dict[str, str] = {
    t: _LABELS[f"vocab.actor_type.{t}"]["en"] for t in ACTOR_TYPES}
# The relation as the verb of the sentence "from RELATION to".
RELATION_LABELS: dict[str, str] = {r: _LABELS[f"vocab.relation.{r}"]["en"] for r in RELATIONS}

FUNCTIONS: dict[str, str] = {
    "preparation": "Generating and annotating the data that a model is trained on.",
    "verification": "Checking, correcting or grading the outputs of an already-trained model.",
    "impersonation": "Humans doing, in real time, (part of) what the algorithm is said to do.",
}

SUBFUNCTIONS: dict[str, str] = {
    "generation": "Producing new data (photos, recordings, texts) for training.",
    "annotation": "Labelling, tagging, classifying or transcribing existing data.",
}

# Only preparation is split into subfunctions (Tubaro, Casilli & Coville 2020).
SUBFUNCTIONS_OF: dict[str, tuple[str, ...]] = {
    "preparation": tuple(SUBFUNCTIONS),
    "verification": (),
    "impersonation": (),
}

DATA_TYPES: dict[str, str] = {
    "image": "Still images and photographs.",
    "video": "Video footage, live or recorded.",
    "audio": "Speech and other sound recordings.",
    "text": "Written text, transcripts, metadata.",
    "other": "Any other kind of data (sensor, tabular, mixed).",
}

CERTAINTIES: dict[str, str] = {
    "documented": "Stated by a primary research source (the researchers' own fieldwork or texts).",
    "reported": "Stated by a single secondary source (press, summary, translation).",
    "inferred": "Not stated by any source; a reasonable reading, shown as uncertain.",
}

SOURCE_KINDS: dict[str, str] = {
    "article": "Peer-reviewed journal article or working paper.",
    "chapter": "Book chapter.",
    "talk": "Conference talk or its abstract.",
    "blog": "Research blog post.",
    "report": "Research report.",
    "press": "Newspaper, magazine or press summary.",
}

# What a case maps (the package's optional `scope`); a case without one is a product's chain.
SCOPES: dict[str, str] = {
    "product": "The chain behind one AI product or firm: its actors worked together on it.",
    "sector": "A map of a whole sector: firms that may never deal with each other, linked by "
              "what the sources say of the sector; not one company's supply chain.",
}
DEFAULT_SCOPE = "product"

# Reference tables (platform inventory, key figures).
OFFER_TYPES: dict[str, str] = {
    "generalist": "Generalist micro-work platform.",
    "generalist_ai": "Generalist platform with a specific offer for AI.",
    "specialized_ai": "Platform specialised in data services for AI.",
}

PLATFORM_RELATIONS: dict[str, str] = {
    "gives_access_to": "its workers can take tasks of the other platform",
    "owns": "owns the other platform or service",
    "runs_worker_platform": "runs the other platform as its worker-facing side",
    "became_part_of": "was acquired by or merged into the other platform",
}

FIGURE_KINDS: dict[str, str] = {
    "estimate": "A researchers' estimate.",
    "survey": "A result of a survey or fieldwork sample.",
    "count": "A count of items (interviews, platforms, firms).",
    "forecast": "An industry forecast, not a measurement.",
    "industry": "A figure published by an industry source.",
    "price": "A unit price or pay level.",
    "press": "A figure reported in the press.",
}

QUALIFIERS: dict[str, str] = {
    "exact": "The value as given.",
    "about": "An approximate value.",
    "up_to": "A maximum: the value or less.",
    "over": "A minimum: more than the value.",
    "below": "Less than the value.",
}

# Anything a spreadsheet would evaluate when a CSV is opened.
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
