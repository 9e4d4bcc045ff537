// `gongkai migrate | backup | restore`: whole databases copied through the
// portable dump of store/dump.h.
#include <sys/stat.h>

#include <cstdio>
#include <string>

#include "cli/commands.h"
#include "store/dump.h"
#include "store/store.h"

namespace gk::cli {
namespace {

void Fail(const std::string& msg) { std::fprintf(stderr, "gongkai: %s\n", msg.c_str()); }

// Passes a dump on, counting rows.
class Counter final : public store::DumpWriter {
 public:
  explicit Counter(store::DumpWriter& next) : next_(next) {}
  Status BeginTable(const store::DumpTable& t) override {
    events_table_ = t.name == "events";
    ++tables_;
    return next_.BeginTable(t);
  }
  Status Row(const std::vector<store::DumpValue>& v) override {
    ++rows_;
    events_ += events_table_;
    return next_.Row(v);
  }
  Status Finish() override { return next_.Finish(); }
  std::string Summary() const {
    return std::to_string(rows_) + " rows in " + std::to_string(tables_) + " tables (" +
           std::to_string(events_) + " events)";
  }

 private:
  store::DumpWriter& next_;
  bool events_table_ = false;
  int64_t rows_ = 0, events_ = 0, tables_ = 0;
};

bool IsSqliteFileMissing(const std::string& url) {
  struct stat st {};
  return url.rfind("sqlite:", 0) == 0 && ::stat(url.substr(7).c_str(), &st) != 0;
}

// Opens the (empty) target and its loader; a SQLite file created here is
// removed again when the copy fails.
struct Target {
  std::unique_ptr<store::Store> store;
  std::unique_ptr<store::DumpWriter> loader;
  std::string created_file;
  ~Target() {
    loader.reset();
    store.reset();
    if (!created_file.empty()) {
      std::remove(created_file.c_str());
      std::remove((created_file + "-wal").c_str());
      std::remove((created_file + "-shm").c_str());
    }
  }
};

std::unique_ptr<Target> OpenTarget(const std::string& url) {
  auto t = std::make_unique<Target>();
  if (IsSqliteFileMissing(url)) t->created_file = url.substr(7);
  auto s = store::OpenStore(url, store::OpenMode::kCreateIfMissing);
  if (!s.ok()) {
    Fail(s.status().message());
    return nullptr;
  }
  t->store = std::move(s).value();
  auto loader = t->store->Loader();
  if (!loader.ok()) {
    t->created_file.clear();  // it existed and holds data: leave it alone
    Fail(loader.status().message());
    return nullptr;
  }
  t->loader = std::move(loader).value();
  return t;
}

}  // namespace

int RunMigrate(const MigrateArgs& args) {
  if (args.from == args.to) {
    Fail("--from 与 --to 是同一个数据库");
    return kExitUsage;
  }
  auto from = store::OpenStore(args.from, store::OpenMode::kMustExist);
  if (!from.ok()) {
    Fail(from.status().message());
    return kExitUsage;
  }
  auto target = OpenTarget(args.to);
  if (!target) return kExitUsage;
  Counter counter(*target->loader);
  if (auto s = store::CopyDatabase(**from, counter); !s.ok()) {
    Fail("迁移失败，目标数据库未写入任何数据：" + s.message());
    return kExitUsage;
  }
  target->created_file.clear();
  std::printf("migrated %s to %s\n", counter.Summary().c_str(),
              store::RedactedUrl(args.to).c_str());
  return kExitOk;
}

int RunBackup(const BackupArgs& args) {
  auto db = store::OpenStore(args.db, store::OpenMode::kMustExist);
  if (!db.ok()) {
    Fail(db.status().message());
    return kExitUsage;
  }
  auto version = (*db)->SchemaVersion();
  if (!version.ok()) {
    Fail(version.status().message());
    return kExitUsage;
  }
  auto file = store::DumpFileWriter(args.out, *version);
  if (!file.ok()) {
    Fail(file.status().message());
    return kExitUsage;
  }
  Counter counter(**file);
  if (auto s = store::CopyDatabase(**db, counter); !s.ok()) {
    Fail("备份失败：" + s.message());
    return kExitUsage;
  }
  std::printf("backed up %s to %s\n", counter.Summary().c_str(), args.out.c_str());
  return kExitOk;
}

int RunRestore(const RestoreArgs& args) {
  struct stat st {};
  if (::stat(args.from.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    Fail("备份文件不存在：" + args.from);
    return kExitUsage;
  }
  auto target = OpenTarget(args.db);
  if (!target) return kExitUsage;
  auto version = target->store->SchemaVersion();
  if (!version.ok()) {
    Fail(version.status().message());
    return kExitUsage;
  }
  Counter counter(*target->loader);
  if (auto s = store::ReadDumpFile(args.from, *version, counter); !s.ok()) {
    Fail("恢复失败，数据库未写入任何数据：" + s.message());
    return kExitUsage;
  }
  target->created_file.clear();
  std::printf("restored %s into %s\n", counter.Summary().c_str(),
              store::RedactedUrl(args.db).c_str());
  return kExitOk;
}

}  // namespace gk::cli
