"""Small hand-written briefs for the people / dedup / verify tests (our own
made-up articles; no corpus text)."""

from __future__ import annotations

from newsbrief.model import Brief, Entity, Quote, Speaker, TextSpan


def brief(source: str, date: str, said: list[tuple[str, str, str, str | None]], extra: str = "") -> Brief:
    """An article of ``“words,” said NAME.`` sentences.

    said: (words, speaker string, entity type or "" for none, role).
    """
    text = extra
    quotes: list[Quote] = []
    ents: dict[str, Entity] = {}
    for words, name, etype, role in said:
        start = len(text) + 1
        text += f"“{words},” said {name}. "
        ns = text.rindex(name)
        mention = TextSpan(name, ns, ns + len(name))
        eid = None
        if etype:
            ent = ents.get(name)
            if ent is None:
                ent = ents[name] = Entity(f"e{len(ents) + 1}", name, etype, [], role)
            ent.mentions.append(mention)
            eid = ent.id
        span = TextSpan(words, start, start + len(words))
        quotes.append(
            Quote(words, start, start + len(words), "direct", Speaker(name, eid, role, mention), verbatim=[span])
        )
    return Brief(text, source=source, quotes=quotes, entities=list(ents.values()), meta={"date": date})
