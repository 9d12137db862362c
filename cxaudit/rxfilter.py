"""A long list of case-insensitive patterns, searched as one alternation but through a literal prefilter.

`rulepack._any_of` joins a veto list into `(?:p1)|(?:p2)|...`; Python's re tries every branch at
every position, so the 70-pattern en `veto_clause` costs ~0.45 ms per 130-character sentence. Most
patterns need some literal ("registration", "in any event") that most sentences lack. From the parse
tree of the alternation, `compile_any_of` derives for each branch (each pattern, or each alternative
of a pattern that is itself an alternation) a set of folded literals at least one of which any match
must contain. `RxFilter.search` finds them all in one Aho-Corasick pass over the folded text and
searches the alternation of only the branches whose literal occurs plus those without one, compiled
from the same parse tree (same order, same group numbers), so the match is the one the full
alternation gives: leftmost start, then the first pattern, same span, same groups.

Exactness rests on two facts. (1) A literal is taken only from what a match consumes (a run of
LITERAL items, zero-width items in between allowed; an alternation gives the union of its branches'
sets), never from lookarounds, classes or optional parts. (2) Text and literals are folded the way
re.I compares characters: sre lower-cases each character with the simple (one-character) Unicode
mapping and holds a few more characters equal (re._casefix: i/ı, s/ſ, µ/μ, σ/ς ...); `fold` maps
each character to one member of that class. A branch with inline flags (other than a scoped `(?i:)`),
or whose literals are too short, is always searched.
"""

from __future__ import annotations

import re
import sys

from cxaudit import rxcache

try:
    from re import _compiler, _constants as _c, _parser
    from re._casefix import _EXTRA_CASES
except ImportError:        # an re without these internals (they are private): no filtering
    _parser = None
    _EXTRA_CASES = {}

# A literal lighter than this is in too many texts to be worth filtering on. An ASCII character
# weighs 1, any other 2: two Chinese characters ("发票", "押金") are as rare as three letters.
MIN_LITERAL = 3
_MAX_CACHE = 512         # compiled sub-alternations kept per list
# (plain ints, as re.compile hands them on: re._parser and re._compiler test flags thousands of
# times per pattern, and RegexFlag's `&` is a Python-level call)
_FLAGS = re.I.value
_PLAIN_FLAGS = re.I.value | re.U.value   # what parsing a pattern without inline global flags gives


def _equivalences() -> dict[int, str]:
    """re.I's character classes beyond simple lower-casing: each member to the class's smallest."""
    out = {}
    for lo, others in _EXTRA_CASES.items():
        rep = min((lo,) + others)
        if lo != rep:
            out[lo] = chr(rep)
    return out


_EQUIV = _equivalences()


def fold(s: str) -> str:
    """`s` with every character replaced by a representative of its re.I class (same length)."""
    if s.isascii():
        return s.lower()
    if "\u0130" in s:
        # str.lower() maps İ to two characters ("i̇"); re.I (simple lower-casing) to "i"
        s = s.replace("\u0130", "i")
    # (str.lower's final sigma "ς" and "σ" are one class, folded below)
    return s.lower().translate(_EQUIV)


class Unanalysable(Exception):
    pass


def _weight(lit: str) -> int:
    return len(lit) if lit.isascii() else sum(1 if c < "\x80" else 2 for c in lit)


def _best(cands) -> frozenset[str] | None:
    """The most selective candidate: the one whose lightest literal is heaviest, then the one
    with fewer literals; None when none weighs MIN_LITERAL."""
    best, best_score = None, (MIN_LITERAL - 1, 0)
    for c in cands:
        if c:
            score = (min(map(_weight, c)), -len(c))
            if score > best_score:
                best, best_score = c, score
    return best


def _seq(items) -> frozenset[str] | None:
    """Required literals of a sequence of parse items: the most selective of its literal runs and
    of its parts' own requirements; None when there is none."""
    cands = []
    run: list[str] = []
    if isinstance(items, _parser.SubPattern):
        items = items.data            # (SubPattern's own __getitem__ is a Python call per item)

    def end_run():
        if run:
            cands.append(frozenset((fold("".join(run)),)))
            run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
        elif op is _c.AT:
            pass                      # zero-width (\b, ^, $): a run goes on through it
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _check(av[1])             # nothing required from a lookaround, but it must be plain
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            if del_flags or add_flags & ~_c.SRE_FLAG_IGNORECASE:
                raise Unanalysable("inline flags")
            end_run()
            cands.append(_seq(sub))
        elif op is _c.ATOMIC_GROUP:
            end_run()
            cands.append(_seq(av))
        elif op is _c.BRANCH:
            end_run()
            cands.append(_branch(av[1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            end_run()
            if lo >= 1:
                cands.append(_seq(sub))
            else:
                _check(sub)
        elif op in (_c.IN, _c.ANY, _c.NOT_LITERAL, _c.GROUPREF, _c.GROUPREF_EXISTS):
            end_run()                 # (classes, back-references, conditionals: nothing required)
            if op is _c.GROUPREF_EXISTS:
                _check(av[1])
                if av[2] is not None:
                    _check(av[2])
        else:                         # anything a later re may add
            raise Unanalysable(str(op))
    end_run()
    return _best(cands)


def _branch(branches) -> frozenset[str] | None:
    out: set[str] = set()
    for b in branches:
        lits = _seq(b)
        if lits is None:
            # one branch that needs nothing: the alternation needs nothing (but keep checking
            # the other branches for constructs that forbid the filter)
            for rest in branches:
                _check(rest)
            return None
        out |= lits
    return frozenset(out)


def _check(items) -> None:
    """Raise Unanalysable for inline flags anywhere in a part that requires nothing."""
    if isinstance(items, _parser.SubPattern):
        items = items.data
    for op, av in items:
        if op is _c.SUBPATTERN:
            if av[2] or av[1] & ~_c.SRE_FLAG_IGNORECASE:
                raise Unanalysable("inline flags")
            _check(av[3])
        elif op is _c.BRANCH:
            for b in av[1]:
                _check(b)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _check(av[2])
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _check(av[1])
        elif op is _c.ATOMIC_GROUP:
            _check(av)
        elif op is _c.GROUPREF_EXISTS:
            _check(av[1])
            if av[2] is not None:
                _check(av[2])


def required_literals(pattern: str) -> frozenset[str] | None:
    """Folded literals one of which occurs in any text `pattern` (compiled with re.I) matches;
    None when no such set of literals weighing at least MIN_LITERAL is known."""
    try:
        tree = _parser.parse(pattern, _FLAGS)
    except re.error:
        return None
    if tree.state.flags & ~_PLAIN_FLAGS:
        return None                   # global inline flags
    return _required(tree)


def _required(items) -> frozenset[str] | None:
    try:
        return _seq(items)
    except (Unanalysable, RecursionError):
        return None


def alternation(patterns) -> str:
    """The one pattern a list of patterns is searched as (rulepack._any_of)."""
    return "|".join(f"(?:{p})" for p in patterns)


def compile_any_of(patterns) -> RxFilter | re.Pattern:
    """`re.compile(alternation(patterns), re.I)`, or an RxFilter that finds the same matches.
    Raises re.error exactly when that compile does.

    Parsing the alternation and deriving its literals is most of a second for the rule packs;
    what it gives is kept in the on-disk pattern cache (cxaudit/rxcache.py) when that is loaded,
    and a later run rebuilds the filter from it without parsing (the tree is parsed again only
    when a sub-alternation the cache lacks is needed)."""
    patterns = tuple(str(p) for p in patterns)
    source = alternation(patterns)
    if _parser is None:
        return re.compile(source, re.I)
    known = rxcache.recall(("any_of", _CACHE_FORMAT, source))
    if known is not None:
        try:
            if known == "re":
                return re.compile(source, re.I)
            full = rxcache.compile_tree((source, _FLAGS), lambda: (_parser.parse(source, _FLAGS), _FLAGS))
            return RxFilter(patterns, None, None, None, list(known), full)
        except Exception:             # (a damaged entry: build it afresh)
            pass
    try:
        tree = _parser.parse(source, _FLAGS)   # (re.error propagates, as re.compile's would)
    except re.error:
        raise
    except Exception:                 # (RecursionError; a future re._parser we do not know)
        return re.compile(source, re.I)
    # the whole alternation is compiled once, as re.compile would, so that what re rejects only
    # when compiling (a look-behind of varying width) is still rejected here, at load time
    # (kept under the key re.compile(source, re.I) would be kept under: they are the same code)
    full = rxcache.compile_tree((source, _FLAGS), lambda: (tree, _FLAGS))
    shape = _shape(tree)
    if shape is not None:
        try:
            prefix, branches = shape
            literals = [_required(prefix + b) for b in branches]
            if any(lits is not None for lits in literals):
                rxcache.remember(("any_of", _CACHE_FORMAT, source), literals)
                return RxFilter(patterns, tree, prefix, branches, literals, full)
        except Exception:             # (a parse tree of a shape this module does not know)
            pass
    rxcache.remember(("any_of", _CACHE_FORMAT, source), "re")
    return re.compile(source, re.I)


_CACHE_FORMAT = 1   # (bump when what the cache keeps for a filter changes)


# items that match in at most one way (one character or none): `q (a|b)` is `q a|q b` after them
_SINGLE = (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY, _c.AT) if _parser is not None else ()


def _shape(tree):
    """(prefix, branches) when the parse tree of an alternation is `prefix (?:b1|b2|...)`, each
    branch a list of parse items.

    The parser unwraps each `(?:p)` into its branch and moves items every branch starts with
    into the prefix ("\\b" when every pattern starts with one). A pattern that is itself an
    alternation is split into its alternatives (`\\ba|\\bb` into `\\ba`, `\\bb`: same order, same
    matches), so that one alternative without a literal does not leave the others unfiltered.
    The filter works on this tree, not on the pattern strings: an alternation of some of its
    branches, compiled from the same tree with the same group numbers, is the full alternation
    minus branches that cannot match."""
    try:
        if tree.state.flags & ~_PLAIN_FLAGS or not tree.data:
            return None
        op, av = tree.data[-1]
        if op is not _c.BRANCH or len(av[1]) < 2:
            return None
        branches: list[list] = []
        for b in av[1]:
            _split(list(b.data), branches)
        return list(tree.data[:-1]), branches
    except Exception:
        return None


def _split(items: list, out: list) -> None:
    if items and items[-1][0] is _c.BRANCH and all(op in _SINGLE for op, _ in items[:-1]):
        for sub in items[-1][1][1]:
            _split(items[:-1] + list(sub.data), out)
    else:
        out.append(items)


class RxFilter:
    """Behaves like `re.compile(alternation(patterns), re.I)` for search, match, fullmatch and
    finditer (the same matches, spans and groups: the searched alternation is compiled from the
    same parse tree, with the same group numbers), faster when most patterns need a literal
    the text lacks. Made by `compile_any_of`."""

    __slots__ = ("patterns", "flags", "_source", "_tree", "_prefix", "_branches", "_auto", "_always", "_all", "_cache", "_full")

    def __init__(self, patterns, tree, prefix, branches, literals, full):
        """`literals`: each branch's required literals (None: always searched). `tree`, `prefix`
        and `branches` may be None (a filter rebuilt from the cache): they are parsed from the
        patterns when first needed."""
        import ahocorasick

        self.patterns = tuple(patterns)
        self.flags = full.flags
        self._source = alternation(self.patterns)
        self._tree = tree
        self._prefix = prefix
        self._branches = branches
        self._full = full
        self._all = (1 << len(literals)) - 1
        self._always = 0
        masks: dict[str, int] = {}
        for i, lits in enumerate(literals):
            if lits is None:
                self._always |= 1 << i
            else:
                for lit in lits:
                    masks[lit] = masks.get(lit, 0) | (1 << i)
        self._auto = ahocorasick.Automaton()
        for lit, mask in masks.items():
            self._auto.add_word(lit, mask)
        self._auto.make_automaton()
        self._cache: dict[int, re.Pattern | None] = {self._all: full, 0: None}

    def _sub_tree(self, mask: int):
        """The parse tree of the alternation of the branches in `mask`, and its flags."""
        if self._tree is None:
            self._tree = _parser.parse(self._source, _FLAGS)
            self._prefix, self._branches = _shape(self._tree)
        chosen = [b for i, b in enumerate(self._branches) if mask >> i & 1]
        state = self._tree.state
        if len(chosen) == 1:
            data = self._prefix + chosen[0]
        else:
            data = self._prefix + [(_c.BRANCH, (None, [_parser.SubPattern(state, b) for b in chosen]))]
        return _parser.SubPattern(state, data), self.flags

    @property
    def pattern(self) -> str:
        return alternation(self.patterns)

    def _for(self, text: str, pos: int, endpos: int) -> re.Pattern | None:
        """The alternation of the patterns that can match inside text[pos:endpos]: each of the
        others needs a literal that is not there."""
        n = len(text)
        lo = pos if pos > 0 else 0
        hi = endpos if endpos < n else n
        mask = self._always
        if lo < hi:
            for _, m in self._auto.iter(fold(text[lo:hi] if lo or hi < n else text)):
                mask |= m
        try:
            return self._cache[mask]
        except KeyError:
            pass
        rx = rxcache.compile_tree(("any_of_part", _CACHE_FORMAT, self._source, mask), lambda: self._sub_tree(mask))
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
            self._cache[self._all] = self._full
            self._cache[0] = None
        self._cache[mask] = rx
        return rx

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        rx = self._for(string, pos, endpos)
        return rx.search(string, pos, endpos) if rx is not None else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        rx = self._for(string, pos, endpos)
        return rx.match(string, pos, endpos) if rx is not None else None

    def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        rx = self._for(string, pos, endpos)
        return rx.fullmatch(string, pos, endpos) if rx is not None else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize):
        rx = self._for(string, pos, endpos)
        return rx.finditer(string, pos, endpos) if rx is not None else iter(())

    def __reduce__(self):
        return (compile_any_of, (self.patterns,))

    def __eq__(self, other):
        return isinstance(other, RxFilter) and other.patterns == self.patterns

    def __hash__(self):
        return hash(self.patterns)

    def __repr__(self):
        return (f"<RxFilter: {len(self.patterns)} patterns, {bin(self._always).count('1')} of "
                f"{len(self._branches)} branches always searched>")
