// Where the CLI writes: standard output, or -o FILE. A regular file (or a new one) is written
// beside its final name (".NAME.vnextract-XXXXXX" in the same directory) and renamed over it only
// when everything was written, flushed and synced, so that a failed run (a full disk, an
// interrupt) leaves no half-written file that looks finished, and an existing file stays as it
// was. Anything else — a FIFO, /dev/full, /dev/stdout — is written directly.
//
// Writes go straight to the file descriptor, so that a failure keeps its errno: "No space left on
// device". A broken pipe (EPIPE, when SIGPIPE is ignored) ends the process by SIGPIPE, as the
// default action of SIGPIPE would have: quietly, status 128+13 in a shell.
#ifndef VNEXTRACT_CLI_OUTPUT_H_
#define VNEXTRACT_CLI_OUTPUT_H_

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace vnextract::cli {

namespace output_internal {

// The temporary file being written, removed if the process is interrupted.
inline char temp_path[4096];
inline volatile std::sig_atomic_t temp_set = 0;

inline void RemoveTempAndDie(int sig) {
  if (temp_set) ::unlink(temp_path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

[[noreturn]] inline void DieOfSigpipe() {
  std::signal(SIGPIPE, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  std::raise(SIGPIPE);
  _exit(128 + SIGPIPE);
}

}  // namespace output_internal

// An output stream buffer over a file descriptor that remembers why a write failed.
class FdBuf : public std::streambuf {
 public:
  FdBuf() : buf_(size_t{1} << 16) { setp(buf_.data(), buf_.data() + buf_.size()); }
  void set_fd(int fd) { fd_ = fd; }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!Drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    if (error_) return 0;
    if (n <= epptr() - pptr() && n < static_cast<std::streamsize>(buf_.size() / 4)) {
      std::memcpy(pptr(), s, static_cast<size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    // Large or not fitting: what is buffered and `s` go out in one call, without copying `s` (a
    // document's records come in one piece, often of tens of kilobytes).
    size_t buffered = static_cast<size_t>(pptr() - pbase());
    setp(buf_.data(), buf_.data() + buf_.size());
    return WriteAll(buf_.data(), buffered, s, static_cast<size_t>(n)) ? n : 0;
  }
  int sync() override { return Drain() ? 0 : -1; }

 private:
  bool Drain() {
    size_t n = static_cast<size_t>(pptr() - pbase());
    setp(buf_.data(), buf_.data() + buf_.size());
    return WriteAll(buf_.data(), n);
  }
  // Writes a[0, na) then b[0, nb).
  bool WriteAll(const char* a, size_t na, const char* b = nullptr, size_t nb = 0) {
    if (error_) return false;
    struct iovec iov[2] = {{const_cast<char*>(a), na}, {const_cast<char*>(b), nb}};
    struct iovec* v = iov;
    int count = 2;
    for (;;) {
      while (count > 0 && v->iov_len == 0) {
        ++v;
        --count;
      }
      if (count == 0) return true;
      ssize_t w = ::writev(fd_, v, count);
      if (w < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        if (error_ == EPIPE) output_internal::DieOfSigpipe();
        return false;
      }
      for (size_t done = static_cast<size_t>(w); done > 0;) {  // a short write: skip what went out
        size_t k = std::min(done, v->iov_len);
        v->iov_base = static_cast<char*>(v->iov_base) + k;
        v->iov_len -= k;
        done -= k;
        if (v->iov_len == 0) {
          ++v;
          --count;
        }
      }
    }
  }

  int fd_ = 1;
  int error_ = 0;
  std::vector<char> buf_;
};

class Output {
 public:
  Output() : os_(&buf_) {}
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  ~Output() { Discard(); }

  // Standard output when `path` is empty. False and *reason ("cannot write: …") on failure.
  bool Open(const std::string& path, std::string* reason) {
    path_ = path;
    if (path.empty()) {
      fd_ = STDOUT_FILENO;
      buf_.set_fd(fd_);
      return true;
    }
    struct stat st;
    bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
      *reason = std::string("cannot write: ") + std::strerror(EISDIR);
      return false;
    }
    if (exists && !S_ISREG(st.st_mode)) {  // a FIFO, a device: written as it is
      do {
        fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
      } while (fd_ < 0 && errno == EINTR);
      if (fd_ < 0) {
        *reason = std::string("cannot write: ") + std::strerror(errno);
        return false;
      }
      buf_.set_fd(fd_);
      return true;
    }
    size_t slash = path.rfind('/');
    std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string tmp = (dir == "/" ? "" : dir) + "/." + base + ".vnextract-XXXXXX";
    if (tmp.size() >= sizeof output_internal::temp_path) {
      *reason = std::string("cannot write: ") + std::strerror(ENAMETOOLONG);
      return false;
    }
    fd_ = ::mkostemp(tmp.data(), O_CLOEXEC);
    if (fd_ < 0) {
      *reason = std::string("cannot write: ") + std::strerror(errno);
      return false;
    }
    tmp_ = tmp;
    std::memcpy(output_internal::temp_path, tmp_.c_str(), tmp_.size() + 1);
    output_internal::temp_set = 1;
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, output_internal::RemoveTempAndDie);
    // The mode a new file would get, or the one of the file it replaces.
    mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~Umask());
    ::fchmod(fd_, mode);
    buf_.set_fd(fd_);
    return true;
  }

  std::ostream& stream() { return os_; }
  // A write has failed (the stream is useless).
  bool failed() const { return buf_.error() != 0 || !os_; }
  // Why, as strerror says it ("No space left on device").
  std::string error() const { return std::strerror(buf_.error() != 0 ? buf_.error() : EIO); }
  // What to call it in messages.
  std::string name() const { return path_.empty() ? "standard output" : path_; }

  // Flushes, syncs, closes and moves the file into place. False (and *reason: strerror) on
  // failure, and the temporary file is gone.
  bool Close(std::string* reason) {
    int err = 0;
    os_.flush();
    if (buf_.error() != 0) err = buf_.error();
    else if (!os_) err = EIO;
    if (!tmp_.empty()) {
      // A full disk may show only now (delayed allocation).
      if (err == 0 && ::fsync(fd_) != 0) err = errno;
      if (::close(fd_) != 0 && err == 0) err = errno;
      fd_ = -1;
      if (err == 0 && ::rename(tmp_.c_str(), path_.c_str()) != 0) err = errno;
    } else if (fd_ > STDERR_FILENO) {
      if (::close(fd_) != 0 && err == 0) err = errno;
      fd_ = -1;
    }
    if (err != 0) {
      *reason = std::strerror(err);
      Discard();
      return false;
    }
    output_internal::temp_set = 0;
    tmp_.clear();
    return true;
  }

  // Gives up: the temporary file is removed (nothing appears under the final name).
  void Discard() {
    if (tmp_.empty()) return;
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink(tmp_.c_str());
    output_internal::temp_set = 0;
    tmp_.clear();
  }

 private:
  static mode_t Umask() {
    mode_t m = ::umask(022);
    ::umask(m);
    return m;
  }
  std::string path_, tmp_;
  int fd_ = -1;
  FdBuf buf_;
  std::ostream os_;
};

}  // namespace vnextract::cli

#endif  // VNEXTRACT_CLI_OUTPUT_H_
