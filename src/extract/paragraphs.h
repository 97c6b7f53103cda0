// Paragraphs: the body text of the sections that no other stage keeps — ordinary paragraphs,
// bullets and table rows that are not tasks — so the store can index the whole text of a plan.
#ifndef PLANGRAPH_PARAGRAPHS_H_
#define PLANGRAPH_PARAGRAPHS_H_

#include <vector>

#include "plangraph/extraction.h"
#include "segmenter.h"

namespace plangraph {

// The body-zone blocks of `seg` that are not headings and share no line with a task, in text
// order. Header, title, footer and footnote text is left out: it is not the body of a section.
std::vector<Paragraph> BodyParagraphs(const Segmentation& seg, const std::vector<Task>& tasks);

}  // namespace plangraph

#endif  // PLANGRAPH_PARAGRAPHS_H_
