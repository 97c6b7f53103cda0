// `plangraph export --format csv`: one CSV table per file, each with a header row, fields quoted
// per RFC 4180, an unknown value an empty field. The graph (nodes: every vertex, a plan or a cited
// document; edges) and the facts of the plans exported, one row per fact, keyed by document_id:
//
//   documents    document_id,path,type,symbol,date,place,issuer,title,key,format,encoding,...
//   sections     document_id,section,parent,depth,kind,label,heading,line,last_line
//   citations    document_id,line,section,relation,key,type,symbol,date,issuer,title,text
//   targets      document_id,line,section,indicator,value,value_text,unit,comparator,kind,year
//   tasks        document_id,task,section,line,text,deadline,deadline_start,deadline_end,recurrence
//   assignees    document_id,task,agency,role,canonical
//   deadlines    document_id,task,position,text,start,end,recurrence (every limit a task gives)
//   paragraphs   document_id,section,line,last_line,text
//   plan_limits  document_id,text,start,end,recurrence
//   nodes        id,imported,document_id,node_id,key,type,symbol,date,issuer,title,path
//   edges        from,to,relation,count
//
// A citation's `key` is the key of its node (nodes.key); `section` and `parent` are section ids
// inside the plan (sections.section).
#ifndef PLANGRAPH_CSV_TABLES_H_
#define PLANGRAPH_CSV_TABLES_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "graph_export.h"

namespace plangraph {

// The table names above, in that order.
const std::vector<std::string>& CsvTableNames();

// Writes each table named in `outputs` (name → its stream) from one pass over each part of the
// source that those tables need. A name that is not a table is an InvalidInput naming it.
Status WriteCsvTables(const GraphSource& source,
                      const std::map<std::string, std::ostream*>& outputs);

}  // namespace plangraph

#endif  // PLANGRAPH_CSV_TABLES_H_
