#include "ingest/rows.h"

#include <algorithm>
#include <cstddef>

namespace gk::ingest {
namespace {

constexpr size_t kMaxRun = 600;       // bytes of label text kept for matching
constexpr size_t kMaxItemText = 300;  // bytes of one item taken into the run
constexpr size_t kMaxAnchor = 48;     // bytes of the longest anchor
constexpr size_t kMaxContext = 2048;  // bytes of header text kept per row
constexpr size_t kMaxSlots = 256;     // cells kept per row
constexpr int kWeakReach = 3;         // rows a weak anchor may look ahead

// Keeps the last `cap` bytes: the text nearest to the next label matters.
void AppendTail(std::string& s, std::string_view add, size_t cap) {
  if (add.size() >= cap) {
    s.assign(add.substr(add.size() - cap));
    return;
  }
  s.append(add);
  if (s.size() > cap) s.erase(0, s.size() - cap);
}

class Matcher {
 public:
  Matcher(std::span<const RowDef> rows, RowOrder order)
      : rows_(rows), order_(order), out_(rows.size()) {}

  std::vector<RowMatch> Run(const std::vector<Item>& items) {
    for (const Item& it : items) {
      switch (it.kind) {
        case ItemKind::kText:
          OnText(it);
          break;
        case ItemKind::kValue:
          OnCell(Slot(it.token));
          break;
        case ItemKind::kEmptyCell:
          OnCell(std::nullopt);
          break;
        case ItemKind::kEndOfLine:
          if (it.line_values >= 2) CloseIfComplete();
          break;
        case ItemKind::kBlankLine:
          run_.clear();
          CloseIfComplete();
          break;
      }
    }
    return std::move(out_);
  }

 private:
  bool Accepting() const { return open_ >= 0 && !closed_; }

  void CloseIfComplete() {
    if (Accepting() && out_[open_].slots.size() >= rows_[open_].n_values) closed_ = true;
  }

  void OnCell(Slot s) {
    run_.clear();
    if (!Accepting()) return;
    RowMatch& m = out_[open_];
    if (m.slots.size() < kMaxSlots) m.slots.push_back(s);
    if (s.has_value() && open_ > committed_) committed_ = open_;
  }

  void OnText(const Item& it) {
    int cand = -1;
    if (!it.prose) {
      const std::string_view text = std::string_view(it.text).substr(0, kMaxItemText);
      if (run_.size() + text.size() > kMaxRun) run_.clear();
      const size_t start = run_.size();
      run_.append(text);
      cand = Best(start);
    }
    if (cand >= 0 && cand != open_) {
      // A label that got no cell at all was a group cell or an empty row.
      if (open_ >= 0 && out_[open_].slots.empty()) out_[open_].found = false;
      open_ = cand;
      closed_ = false;
      RowMatch& m = out_[cand];
      m.found = true;
      m.slots.clear();
      m.line = it.line;
      m.context = context_;
      AppendTail(m.context, run_, kMaxContext);
      context_.clear();
      return;
    }
    if (cand < 0) CloseIfComplete();
    AppendTail(context_, it.text, kMaxContext);
  }

  bool Eligible(int r, bool weak) const {
    if (order_ == RowOrder::kAnyOrder) return !weak && !out_[r].found;
    if (r <= committed_) return false;
    return !weak || r - committed_ <= kWeakReach;
  }

  // The row whose anchor match ends latest inside the current item (which
  // starts at byte `start` of the run); ties go to the earlier row.
  int Best(size_t start) const {
    int best = -1;
    size_t best_end = 0;
    for (size_t r = 0; r < rows_.size(); ++r) {
      for (const Anchor& a : rows_[r].anchors) {
        if (a.text.empty() || a.text.size() > kMaxAnchor ||
            !Eligible(static_cast<int>(r), a.weak)) {
          continue;
        }
        // Only the tail that can hold a match ending after `start`.
        const size_t from = start >= a.text.size() ? start + 1 - a.text.size() : 0;
        const size_t p = std::string_view(run_).substr(from).rfind(a.text);
        if (p == std::string_view::npos) continue;
        const size_t end = from + p + a.text.size();
        if (end <= start) continue;
        if (best < 0 || end > best_end) {
          best = static_cast<int>(r);
          best_end = end;
        }
      }
    }
    return best;
  }

  std::span<const RowDef> rows_;
  RowOrder order_;
  std::vector<RowMatch> out_;
  int open_ = -1;        // row receiving cells
  bool closed_ = false;  // the open row is complete
  int committed_ = -1;   // last row that received a value (printed order)
  std::string run_;      // consecutive label text
  std::string context_;  // text since the last label
};

}  // namespace

std::vector<RowMatch> MatchRows(const std::vector<Item>& items, std::span<const RowDef> rows,
                                RowOrder order) {
  return Matcher(rows, order).Run(items);
}

std::vector<Slot> PickCells(const std::vector<Slot>& slots, size_t n, const WindowCheck& check) {
  if (n == 0) return {};
  size_t used = slots.size();
  while (used > 0 && !slots[used - 1].has_value()) --used;
  if (used >= n) {
    // Another window than the last n cells is considered only when the row
    // holds more values than cells (OCR noise, §6 item 5). Shifting over blank
    // padding would let a wrong 总计 pass as a different, "consistent" reading
    // and hide the very error the checker exists to find.
    size_t values = 0;
    for (size_t i = 0; i < used; ++i) values += slots[i] && slots[i]->kind == TokenKind::kNumber;
    const size_t lowest = values > n ? 0 : used - n;
    for (size_t start = used - n + 1; start-- > lowest;) {
      std::span<const Slot> w(slots.data() + start, n);
      if (check && check(w)) return {w.begin(), w.end()};
    }
    return {slots.begin() + static_cast<std::ptrdiff_t>(used - n),
            slots.begin() + static_cast<std::ptrdiff_t>(used)};
  }
  // Fewer cells than the row has: a cut-off row. Empty cells before the
  // first value are the padding of merged label columns.
  size_t first = 0;
  while (first < used && !slots[first].has_value()) ++first;
  std::vector<Slot> out;
  if (first == used) {
    out.assign(slots.begin(),
               slots.begin() + static_cast<std::ptrdiff_t>(std::min(n, slots.size())));
  } else {
    out.assign(slots.begin() + static_cast<std::ptrdiff_t>(first),
               slots.begin() + static_cast<std::ptrdiff_t>(std::min(slots.size(), first + n)));
  }
  out.resize(n);
  return out;
}

const Number* SlotNumber(const Slot& s) {
  if (!s.has_value() || s->kind != TokenKind::kNumber) return nullptr;
  return &s->number;
}

}  // namespace gk::ingest
