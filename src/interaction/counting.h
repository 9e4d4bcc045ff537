// The yearly work statistics of an agency (seed 004 lists them: 信息发布 by
// kind, 解读 by kind, 留言办理, 征集调查, 在线访谈, 新媒体) and the sentences of
// section 一 that state them. Every figure keeps the items it counts, for the
// drill-down.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "interaction/model.h"

namespace gk::interaction {

// A published record, as counted (信息发布, 解读).
struct RecordFact {
  int64_t id = 0;
  std::string title, category, genre;
  Date published_on;
};

struct Ref {
  std::string label;
  std::string href;  // "" = nothing to link to
};
struct Figure {
  std::string key;    // e.g. messages.received, media.微信.posts
  std::string group;  // 信息发布 | 解读 | 留言办理 | 征集调查 | 访谈与发布 | 新媒体 | 培训
  std::string label;
  int64_t value = 0;
  std::vector<Ref> items;
};

struct YearInput {
  int year = 0;
  std::span<const Message> messages;
  std::span<const Consultation> consultations;
  std::span<const Comment> comments;  // on those consultations
  std::span<const Event> events;
  std::span<const Comment> questions;  // to those events
  std::span<const MediaAccount> accounts;
  std::span<const MediaFigure> media_figures;
  std::span<const Training> trainings;
  std::span<const RecordFact> records;
};

struct YearStats {
  int year = 0;
  std::vector<Figure> figures;  // in display order
  // The value of `key`, 0 when absent.
  int64_t Value(std::string_view key) const;
  const Figure* Find(std::string_view key) const;
};

YearStats CountYear(const YearInput& in);

// Section 一, 政民互动 paragraph; "" when the year has none of these.
std::string InteractionParagraph(const YearStats& s);

}  // namespace gk::interaction
