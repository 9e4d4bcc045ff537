#include "report_render/zip.h"

#include <zip.h>

#include <cstdio>

namespace gk::report_render {

// The part buffers outlive zip_close, as libzip reads them only then.
Result<std::string> ZipParts(const std::vector<ZipPart>& parts, time_t mtime, const char* what) {
  const std::string prefix = std::string(what) + "：";
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  if (src == nullptr) {
    Status s =
        Status::Internal(prefix + "创建内存缓冲区失败（libzip：" + zip_error_strerror(&err) + "）");
    zip_error_fini(&err);
    return s;
  }
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  if (za == nullptr) {
    Status s =
        Status::Internal(prefix + "创建压缩包失败（libzip：" + zip_error_strerror(&err) + "）");
    zip_source_free(src);
    zip_error_fini(&err);
    return s;
  }
  zip_error_fini(&err);
  zip_source_keep(src);  // still ours after zip_close
  auto fail = [&](const std::string& step) {
    Status s = Status::Internal(prefix + step + "失败（libzip：" + zip_strerror(za) + "）");
    zip_discard(za);
    zip_source_free(src);
    return s;
  };
  for (const ZipPart& p : parts) {
    zip_source_t* s = zip_source_buffer(za, p.data.data(), p.data.size(), 0);
    if (s == nullptr) return fail("写入" + p.name);
    const zip_int64_t idx = zip_file_add(za, p.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(s);
      return fail("写入" + p.name);
    }
    if (zip_file_set_mtime(za, static_cast<zip_uint64_t>(idx), mtime, 0) < 0) {
      return fail("设置时间" + p.name);
    }
  }
  if (zip_close(za) < 0) return fail("关闭压缩包");

  std::string out;
  if (zip_source_open(src) < 0) {
    Status s = Status::Internal(prefix + "读取压缩包失败（libzip：" +
                                zip_error_strerror(zip_source_error(src)) + "）");
    zip_source_free(src);
    return s;
  }
  bool ok = zip_source_seek(src, 0, SEEK_END) == 0;
  const zip_int64_t size = ok ? zip_source_tell(src) : -1;
  ok = ok && size >= 0 && zip_source_seek(src, 0, SEEK_SET) == 0;
  if (ok) {
    out.resize(static_cast<size_t>(size));
    ok = zip_source_read(src, out.data(), static_cast<zip_uint64_t>(size)) == size;
  }
  zip_source_close(src);
  zip_source_free(src);
  if (!ok) return Status::Internal(prefix + "读取压缩包失败");
  return out;
}

}  // namespace gk::report_render
