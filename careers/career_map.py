"""Geometry and reading order of the career map: every role in a grid of career levels (columns)
by track (lanes), with the ladder's steps as arrows.

Pure Python over plain dataclasses (no Django, no queries): the views turn rows into MapRole and
MapStep, say which roles to dim or highlight with Marks, and the template draws what comes back.
Sizes are SVG user units, drawn 1:1 on screen (the map scrolls sideways on a phone rather than
shrinking its text below 12 px) and scaled to fit one landscape page in print.

Words are English by default; the view passes ``tr=django.utils.translation`` to `build_map` so
they come out in the active language (messages marked with `gettext_noop` or called through
``tr``, so makemessages finds them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from core.translator import English, Translator, gettext_noop

LABEL_W = 124  # the lane (track) labels on the left
COL_W = 246
NODE_W = 200
HEADER_H = 36  # the column (level) headings
LANE_PAD = 8
NODE_GAP = 6
NAME_LINE = 16  # 13px bold role names
DETAIL_LINE = 15  # 12px pay and training time
NAME_CHARS = 22  # wrap role names past this many characters
LANE_CHARS = 15

PAY_TAGS = {
    "official": gettext_noop("official"),
    "secondary": gettext_noop("sec."),
    "estimate": gettext_noop("est."),
    "proxy": gettext_noop("proxy"),
    "unconfirmed": gettext_noop("unconf."),
}
PAY_WORDS = {
    "official": gettext_noop("official figure"),
    "secondary": gettext_noop("secondary source"),
    "estimate": gettext_noop("estimate"),
    "proxy": gettext_noop("proxy figure"),
    "unconfirmed": gettext_noop("unconfirmed"),
}
STEP_WORDS = {"up": gettext_noop("Step up to"), "sideways": gettext_noop("Sideways move to")}
MOVE_WORDS = gettext_noop("Move to")


@dataclass(frozen=True)
class MapRole:
    slug: str
    name: str
    url: str
    track: str  # the track's slug
    track_name: str
    level: str
    pay: int | None = None  # entry pay, USD a year
    pay_status: str = ""
    pay_year: str = ""
    months: int | None = None  # shortest usual training before a first job; None: reached from other roles
    remote_level: str = ""
    patient_contact_level: str = ""


@dataclass(frozen=True)
class MapStep:
    from_slug: str
    to_slug: str
    kind: str  # "up" or "sideways"
    note: str = ""


@dataclass(frozen=True)
class Mark:
    """How one role is shown on top of the plain map: highlighted or dimmed, with a short
    label drawn in the node ("#1 · 87% fit") and the words a screen reader and the list give."""

    highlight: bool = False
    dimmed: bool = False
    label: str = ""
    words: str = ""


@dataclass(frozen=True)
class Line:
    text: str
    y: float


@dataclass(frozen=True)
class NextStep:
    role: MapRole
    kind: str
    words: str  # "Step up to" / "Sideways move to"
    pay_drop: int  # how much lower the next role's entry pay is (0 when it is not lower)


@dataclass(frozen=True)
class Node:
    role: MapRole
    x: float
    y: float
    w: float
    h: float
    name_lines: tuple[Line, ...]
    detail: Line
    mark_line: Line | None
    mark: Mark
    pay_text: str  # short, drawn in the node: "$42,000 est."
    time_text: str  # short: "6 mo"
    pay_words: str  # spelled out, for the list and screen readers
    time_words: str
    aria_label: str
    steps: tuple[NextStep, ...] = ()

    @property
    def text_x(self) -> float:
        return self.x + 8

    @property
    def ring(self) -> tuple[float, float, float, float]:
        """The focus ring's box, just outside the node."""
        return (self.x - 4, self.y - 4, self.w + 8, self.h + 8)


@dataclass(frozen=True)
class Edge:
    from_slug: str
    to_slug: str
    kind: str
    d: str  # the SVG path
    dimmed: bool
    pay_drop: int
    label_x: float
    label_y: float


@dataclass(frozen=True)
class Column:
    level: str
    label: str
    x: float
    center: float


@dataclass(frozen=True)
class Lane:
    track: str
    name: str
    y: float
    h: float
    label_lines: tuple[Line, ...]
    shaded: bool


@dataclass(frozen=True)
class LevelGroup:
    level: str
    label: str
    nodes: tuple[Node, ...]


@dataclass(frozen=True)
class CareerMap:
    width: float
    height: float
    columns: tuple[Column, ...]
    lanes: tuple[Lane, ...]
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    levels: tuple[LevelGroup, ...] = field(default=())

    @property
    def shown(self) -> int:
        return sum(not n.mark.dimmed for n in self.nodes)


# --- text ----------------------------------------------------------------------------------------
def wrap(text: str, limit: int) -> list[str]:
    """Break text into lines of at most `limit` characters, at spaces or after hyphens
    (a single longer word keeps a line of its own)."""
    pieces: list[str] = []
    for word in text.split():
        parts = word.split("-")
        pieces.extend(f"{p}-" for p in parts[:-1])
        pieces.append(parts[-1] + " ")
    lines, line = [], ""
    for piece in pieces:
        if line and len((line + piece).rstrip()) > limit:
            lines.append(line.rstrip())
            line = ""
        line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def usd(amount: int) -> str:
    return f"${amount:,}"


def _years(months: int) -> tuple[str, int]:
    """Months as years for display ("2", "1.5") and the number that picks the plural form."""
    years = months / 12
    text = f"{years:g}" if years == int(years) else f"{years:.1f}"
    return text, 1 if years == 1 else 2


def time_short(months: int | None, tr: Translator = English) -> str:
    """Training before a first job, short: "6 mo", "2 yr", "on the job", or "via other roles"."""
    if months is None:
        return tr.gettext("via other roles")
    if months == 0:
        return tr.gettext("on the job")
    if months < 12:
        return tr.ngettext("%(months)s mo", "%(months)s mo", months) % {"months": months}
    text, number = _years(months)
    return tr.ngettext("%(years)s yr", "%(years)s yr", number) % {"years": text}


def time_words(months: int | None, tr: Translator = English) -> str:
    if months is None:
        return tr.gettext("usually reached after working in another role")
    if months == 0:
        return tr.gettext("hired with on-the-job training")
    if months < 12:
        return tr.ngettext(
            "first job after about %(months)s month of training", "first job after about %(months)s months of training", months
        ) % {"months": months}
    text, number = _years(months)
    return tr.ngettext(
        "first job after about %(years)s year of training", "first job after about %(years)s years of training", number
    ) % {"years": text}


def pay_short(role: MapRole, tr: Translator = English) -> str:
    if role.pay is None:
        return tr.gettext("pay not known")
    tag = tr.gettext(PAY_TAGS[role.pay_status]) if role.pay_status in PAY_TAGS else role.pay_status
    return f"{usd(role.pay)} {tag}".strip()


def pay_words(role: MapRole, tr: Translator = English) -> str:
    if role.pay is None:
        return tr.gettext("entry pay not known")
    status = tr.gettext(PAY_WORDS[role.pay_status]) if role.pay_status in PAY_WORDS else role.pay_status
    if role.pay_year:
        return tr.gettext("entry pay %(pay)s a year (%(status)s, %(year)s)") % {
            "pay": usd(role.pay),
            "status": status,
            "year": role.pay_year,
        }
    return tr.gettext("entry pay %(pay)s a year (%(status)s)") % {"pay": usd(role.pay), "status": status}


def pay_drop(source: MapRole, target: MapRole) -> int:
    """How much lower the target's entry pay is than the source's (0 if not lower or unknown)."""
    if source.pay is None or target.pay is None:
        return 0
    return max(0, source.pay - target.pay)


# --- layout --------------------------------------------------------------------------------------
def _node_height(role: MapRole, mark: Mark) -> float:
    lines = len(wrap(role.name, NAME_CHARS)) or 1
    return 6 + lines * NAME_LINE + DETAIL_LINE + (DETAIL_LINE if mark.label else 0) + 7


def _make_node(role: MapRole, mark: Mark, box, steps, level_label: str, tr: Translator = English) -> Node:
    x, y, _, h = box
    names = wrap(role.name, NAME_CHARS) or [role.name]
    name_lines = tuple(Line(text, y + 18 + i * NAME_LINE) for i, text in enumerate(names))
    detail_y = name_lines[-1].y + DETAIL_LINE + 1
    pay, time = pay_short(role, tr), time_short(role.months, tr)
    long_pay, long_time = pay_words(role, tr), time_words(role.months, tr)
    words = [role.name, f"{level_label}, {role.track_name}", long_pay, long_time]
    if mark.words:
        words.append(mark.words)
    return Node(
        role=role,
        x=x,
        y=y,
        w=NODE_W,
        h=h,
        name_lines=name_lines,
        detail=Line(f"{pay} · {time}", detail_y),
        mark_line=Line(mark.label, detail_y + DETAIL_LINE) if mark.label else None,
        mark=mark,
        pay_text=pay,
        time_text=time,
        pay_words=long_pay,
        time_words=long_time,
        aria_label=". ".join(words),
        steps=steps,
    )


def _anchors(edges_by_node: Mapping[str, list[tuple[str, float]]], boxes) -> dict[tuple[str, str], float]:
    """Spread the arrows meeting one side of a node over its middle half, ordered by the
    other end's height, so they do not all meet at one point."""
    out = {}
    for slug, others in edges_by_node.items():
        x, y, w, h = boxes[slug]
        ordered = sorted(others, key=lambda o: o[1])
        for i, (other, _) in enumerate(ordered):
            share = (i + 1) / (len(ordered) + 1)
            out[(slug, other)] = round(y + h * (0.25 + 0.5 * share), 1)
    return out


def _edge(step: MapStep, boxes, cols, starts, ends, dimmed: bool, drop: int) -> Edge:
    sx, sy, sw, _ = boxes[step.from_slug]
    tx, ty, tw, _ = boxes[step.to_slug]
    y0, y1 = starts[(step.from_slug, step.to_slug)], ends[(step.to_slug, step.from_slug)]
    c0, c1 = cols[step.from_slug], cols[step.to_slug]
    if c1 > c0:
        x0, x1 = sx + sw, tx - 3
        bend = (x1 - x0) / 2
        p1, p2 = (x0 + bend, y0), (x1 - bend, y1)
    elif c1 < c0:
        x0, x1 = sx, tx + tw + 3
        bend = (x0 - x1) / 2
        p1, p2 = (x0 - bend, y0), (x1 + bend, y1)
    else:  # same level: loop out to the right of the column and back in
        x0, x1 = sx + sw, tx + tw + 3
        reach = 18 + min(abs(y1 - y0) * 0.1, 10)
        p1, p2 = (x0 + reach, y0), (x1 + reach, y1)
    # The label sits on the curve's midpoint (t = 0.5 of the cubic Bezier).
    mx = 0.125 * x0 + 0.375 * p1[0] + 0.375 * p2[0] + 0.125 * x1
    my = 0.125 * y0 + 0.375 * p1[1] + 0.375 * p2[1] + 0.125 * y1
    d = f"M{x0:g},{y0:g} C{p1[0]:g},{p1[1]:g} {p2[0]:g},{p2[1]:g} {x1:g},{y1:g}"
    return Edge(step.from_slug, step.to_slug, step.kind, d, dimmed, drop, round(mx, 1), round(my + 4, 1))


def _lane_label(name: str, y: float) -> tuple[Line, ...]:
    return tuple(Line(text, y + 20 + i * 15) for i, text in enumerate(wrap(name, LANE_CHARS)))


def _grid(roles, levels, marks):
    """Roles grouped by lane (track, in first-seen order) and column (level)."""
    column_of = {level: i for i, (level, _) in enumerate(levels)}
    lanes: dict[str, dict[int, list[MapRole]]] = {}
    for role in roles:
        col = column_of.get(role.level, 0)
        lanes.setdefault(role.track, {}).setdefault(col, []).append(role)
    heights = {r.slug: _node_height(r, marks.get(r.slug, Mark())) for r in roles}
    return column_of, lanes, heights


def _place(grid, heights):
    """Node boxes (x, y, w, h) and columns by slug, the lanes, and the height used."""
    boxes, cols, lanes, y = {}, {}, [], HEADER_H
    for i, (track, cells) in enumerate(grid.items()):
        name = next(iter(cells.values()))[0].track_name
        label = _lane_label(name, y)
        stack = max(sum(heights[r.slug] + NODE_GAP for r in cell) - NODE_GAP for cell in cells.values())
        h = max(stack, label[-1].y - y + 8 if label else 0) + 2 * LANE_PAD
        for col, cell in cells.items():
            top = y + LANE_PAD
            for role in cell:
                boxes[role.slug] = (LABEL_W + col * COL_W + (COL_W - NODE_W) / 2 - 8, top, NODE_W, heights[role.slug])
                cols[role.slug] = col
                top += heights[role.slug] + NODE_GAP
        lanes.append(Lane(track, name, y, h, label, shaded=i % 2 == 0))
        y += h
    return boxes, cols, lanes, y


def build_map(
    roles: Sequence[MapRole],
    steps: Iterable[MapStep],
    *,
    levels: Sequence[tuple[str, str]],
    marks: Mapping[str, Mark] | None = None,
    tr: Translator = English,
) -> CareerMap:
    """Lay out the map: `roles` in lane order (by track, then within the track), `levels` the
    (value, label) choices in column order, `marks` optional per-slug highlights and dimming.
    Steps whose ends are not among the roles are left out. ``tr`` words the nodes (English by
    default; the view passes django.utils.translation)."""
    marks = marks or {}
    by_slug = {r.slug: r for r in roles}
    steps = [s for s in steps if s.from_slug in by_slug and s.to_slug in by_slug and s.from_slug != s.to_slug]
    column_of, grid, heights = _grid(roles, levels, marks)
    boxes, cols, lanes, y = _place(grid, heights)
    outs: dict[str, list] = {}
    ins: dict[str, list] = {}
    for s in steps:
        outs.setdefault(s.from_slug, []).append((s.to_slug, boxes[s.to_slug][1]))
        ins.setdefault(s.to_slug, []).append((s.from_slug, boxes[s.from_slug][1]))
    starts, ends = _anchors(outs, boxes), _anchors(ins, boxes)

    def dim(slug):
        return marks.get(slug, Mark()).dimmed

    edges = tuple(
        _edge(s, boxes, cols, starts, ends, dim(s.from_slug) or dim(s.to_slug), pay_drop(by_slug[s.from_slug], by_slug[s.to_slug]))
        for s in steps
    )
    next_steps: dict[str, list[NextStep]] = {}
    for s in steps:
        target = by_slug[s.to_slug]
        next_steps.setdefault(s.from_slug, []).append(
            NextStep(target, s.kind, tr.gettext(STEP_WORDS.get(s.kind, MOVE_WORDS)), pay_drop(by_slug[s.from_slug], target))
        )
    labels = dict(levels)
    nodes = tuple(
        _make_node(
            r, marks.get(r.slug, Mark()), boxes[r.slug], tuple(next_steps.get(r.slug, ())), str(labels.get(r.level, r.level)), tr
        )
        for r in roles
    )
    columns = tuple(
        Column(level, label, LABEL_W + i * COL_W, LABEL_W + i * COL_W + COL_W / 2 - 8) for i, (level, label) in enumerate(levels)
    )
    groups = tuple(
        LevelGroup(level, label, tuple(n for n in nodes if column_of.get(n.role.level, 0) == i))
        for i, (level, label) in enumerate(levels)
    )
    return CareerMap(LABEL_W + len(levels) * COL_W + 4, y + 4, columns, tuple(lanes), nodes, edges, groups)

