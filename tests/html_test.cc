#include "input/html.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace vnextract::internal {
namespace {

std::string ReadFixture(const std::string& name) {
  const std::string path = std::string(VNEXTRACT_SOURCE_DIR) + "/tests/fixtures/html/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

HtmlPage Extract(std::string_view html) {
  HtmlPage page;
  Status s = ExtractHtml(html, &page);
  REQUIRE_MESSAGE(s.ok(), s.message());
  return page;
}

std::string Text(std::string_view html) { return Extract(html).text; }

std::string MetaLines(const HtmlPage& p) {
  return "title=" + p.title + "\npublished=" + p.published + "\nauthor=" + p.author;
}

// Three long paragraphs, enough for the main-block scoring to have something to hold on to.
const char* const kBody =
    "<p>Năm 2021, Sở Khoa học và Công nghệ tỉnh Cao Bằng hỗ trợ 300 triệu đồng cho mô hình chế biến "
    "miến dong, góp phần nâng cao thu nhập cho 45 hộ dân, tạo việc làm cho lao động địa phương.</p>"
    "<p>Mô hình được triển khai theo Nghị quyết số 93/2021/NQ-HĐND của Hội đồng nhân dân tỉnh, với "
    "thời gian thực hiện 24 tháng, từ tháng 4/2021 đến tháng 4/2023, tại xã Phja Đén, huyện Nguyên Bình.</p>"
    "<p>Sau khi nghiệm thu, kết quả sẽ được chuyển giao cho các hợp tác xã, tổ hợp tác trên địa bàn, "
    "nhân rộng ra các huyện Hòa An, Trùng Khánh và Bảo Lạc trong giai đoạn tiếp theo.</p>";
const char* const kBodyText =
    "Năm 2021, Sở Khoa học và Công nghệ tỉnh Cao Bằng hỗ trợ 300 triệu đồng cho mô hình chế biến "
    "miến dong, góp phần nâng cao thu nhập cho 45 hộ dân, tạo việc làm cho lao động địa phương.\n"
    "Mô hình được triển khai theo Nghị quyết số 93/2021/NQ-HĐND của Hội đồng nhân dân tỉnh, với "
    "thời gian thực hiện 24 tháng, từ tháng 4/2021 đến tháng 4/2023, tại xã Phja Đén, huyện Nguyên Bình.\n"
    "Sau khi nghiệm thu, kết quả sẽ được chuyển giao cho các hợp tác xã, tổ hợp tác trên địa bàn, "
    "nhân rộng ra các huyện Hòa An, Trùng Khánh và Bảo Lạc trong giai đoạn tiếp theo.";

TEST_CASE("html: each fixture page gives the text and metadata a reader would keep") {
  for (std::string name : {"article-tag", "div-classes", "table-layout", "messy"}) {
    CAPTURE(name);
    HtmlPage p = Extract(ReadFixture(name + ".html"));
    CHECK(p.text == ReadFixture(name + ".txt"));
    CHECK(MetaLines(p) == ReadFixture(name + ".meta"));
  }
}

TEST_CASE("html: entities are decoded, blanks and NBSP collapse") {
  CHECK(Text("<p>Sở KH&amp;CN &quot;Dân vận khéo&quot; h&#7897;i ngh&#x1ECB; &lt;b&gt; 5&nbsp;000</p>") ==
        "Sở KH&CN \"Dân vận khéo\" hội nghị <b> 5 000");
  CHECK(Text("<p>  Một \n\t hai&nbsp;&nbsp;ba \xC2\xA0 </p>") == "Một hai ba");
  CHECK(Text("<p>t&#7893 chức &hellip; &ndash; &raquo;</p>") == "tổ chức … – »");
}

TEST_CASE("html: scripts, styles and other invisible content are dropped") {
  CHECK(Text("<html><head><style>p{color:red}</style><script>var a=1;</script></head><body>"
             "<p>Một<script>var x = \"</p><p>giả</p>\";</script> hai</p>"
             "<noscript>Hãy bật JavaScript</noscript><template><p>mẫu</p></template>"
             "<svg><text>hình</text><title>tiêu đề hình</title></svg><!-- <p>chú thích</p> -->"
             "<form><input value=\"x\"><select><option>Chọn</option></select><button>Gửi</button></form>"
             "<iframe src=\"x\">khung</iframe><p style=\"display: none\">ẩn</p><p hidden>ẩn</p>"
             "<p class=\"sr-only\">ẩn</p><p>ba</p></body></html>") == "Một hai\nba");
}

TEST_CASE("html: block elements end lines, inline elements do not") {
  CHECK(Text("<div>Một <b>hai</b> <i>ba</i><span>bốn</span> <a href=\"#\">năm</a> sáu</div><p>bảy</p>"
             "<ul><li>tám</li><li>chín</li></ul><h2>mười</h2>mười một"
             "<blockquote>trích</blockquote><dl><dt>thuật ngữ</dt><dd>định nghĩa</dd></dl>"
             "<figure><img src=\"a.jpg\"><figcaption>chú thích ảnh</figcaption></figure>"
             "<section>phần</section><table><tr><td>ô một</td><td>ô hai</td></tr><tr><th>ô ba</th></tr></table>") ==
        "Một hai babốn năm sáu\nbảy\ntám\nchín\nmười\nmười một\ntrích\nthuật ngữ\nđịnh nghĩa\nchú thích ảnh\n"
        "phần\nô một ô hai\nô ba");
}

TEST_CASE("html: <br> breaks a paragraph into lines, with no blank lines") {
  CHECK(Text("<p>Dòng một<br>Dòng hai<br/><br/><br>Dòng ba</p><p>&nbsp;</p><p> </p><p>Dòng bốn</p>") ==
        "Dòng một\nDòng hai\nDòng ba\nDòng bốn");
}

TEST_CASE("html: unclosed and stray tags are recovered") {
  CHECK(Text("<P>Một<P>Hai<UL><LI>Ba<LI>Bốn</UL></SPAN></DIV><TABLE><TR><TD>Năm<TD>Sáu<TR><TD>Bảy</TABLE>"
             "<B>Tám") == "Một\nHai\nBa\nBốn\nNăm Sáu\nBảy\nTám");
}

TEST_CASE("html: 10,000 nested <div>s do not overflow the stack") {
  std::string html = "<html><body>";
  for (int i = 0; i < 10000; ++i) html += "<div>";
  html += "Nội dung sâu";
  for (int i = 0; i < 10000; ++i) html += "</div>";
  CHECK(Text(html) == "Nội dung sâu");

  // Text at every level, unclosed: no crash, the deepest text is there.
  std::string open = "<html><body>";
  for (int i = 0; i < 10000; ++i) open += "<div>đoạn " + std::to_string(i);
  std::string text = Text(open);
  CHECK(text.find("đoạn 9999") != std::string::npos);

  // Below the nesting cap, every level is its own line.
  std::string shallow = "<html><body>";
  std::string want;
  for (int i = 0; i < 300; ++i) {
    shallow += "<div>đoạn " + std::to_string(i);
    want += (i == 0 ? "" : "\n") + std::string("đoạn ") + std::to_string(i);
  }
  CHECK(Text(shallow) == want);
}

TEST_CASE("html: a 5 MB page") {
  const std::string para =
      "<p>Trong năm 2021, Sở KH&amp;CN tỉnh Cao Bằng đã hỗ trợ 300 triệu đồng cho 45 nhiệm vụ, góp phần "
      "nâng cao năng suất, chất lượng sản phẩm.</p>\n";
  std::string html = "<html><head><title>Trang lớn</title></head><body><div class=\"content\"><h1>Tiêu đề</h1>";
  size_t n = 0;
  while (html.size() < 5 * 1024 * 1024) {
    html += para;
    ++n;
  }
  html += "</div></body></html>";
  auto t0 = std::chrono::steady_clock::now();
  HtmlPage p = Extract(html);
  auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(p.title == "Tiêu đề");
  CHECK(static_cast<size_t>(std::count(p.text.begin(), p.text.end(), '\n')) == n);
  CHECK(secs < 20);
}

TEST_CASE("html: a page without text is an error") {
  for (const char* html : {"", "   ", "<html><head><script>var a = 1;</script></head><body> &nbsp; <!-- x --></body></html>",
                           "<div><div></div></div>"}) {
    CAPTURE(html);
    HtmlPage p;
    Status s = ExtractHtml(html, &p);
    CHECK(!s.ok());
    CHECK(s.code() == Status::Code::kInvalidInput);
    CHECK(s.message() == "no text in the page");
  }
}

TEST_CASE("html: without <article> or classes, the block with most text and fewest links wins") {
  std::string html =
      "<html><head><title>Hỗ trợ mô hình chế biến miến dong - Trang tin điện tử huyện Nguyên Bình</title></head><body>"
      "<div><div><a href=\"/\">Trang chủ</a> | <a href=\"/gt\">Giới thiệu</a> | <a href=\"/tt\">Tin tức</a></div></div>"
      "<div>"
      "<div><ul><li><a href=\"/a\">Hội nghị tổng kết công tác thi đua khen thưởng năm 2020</a></li>"
      "<li><a href=\"/b\">Tập huấn kỹ thuật trồng cây dược liệu dưới tán rừng</a></li>"
      "<li><a href=\"/c\">Kiểm tra công tác phòng, chống thiên tai tại các xã vùng cao</a></li></ul>"
      "<div>Liên hệ quảng cáo: 0206.3850.xxx, hộp thư: toasoan@example.vn</div></div>"
      "<div>" +
      std::string(kBody) +
      "</div>"
      "</div>"
      "<div>Trang tin điện tử huyện Nguyên Bình, tỉnh Cao Bằng. Giấy phép số 12/GP-TTĐT ngày 01/02/2019.</div>"
      "</body></html>";
  HtmlPage p = Extract(html);
  CHECK(p.title == "Hỗ trợ mô hình chế biến miến dong");
  CHECK(p.text == "Hỗ trợ mô hình chế biến miến dong\n" + std::string(kBodyText));
}

TEST_CASE("html: furniture lines go by their words, the author line becomes the author") {
  std::string html = std::string("<html><body><div><h1>Tiêu đề bài</h1>") +
                     "<p>Trang nhất » Tin tức sự kiện » Khoa học &amp; công nghệ</p>" + kBody +
                     "<p>Tác giả bài viết: HK</p><p>Nguồn tin: Sở KH&amp;CN</p><p>Từ khóa: miến dong, Nguyên Bình</p>"
                     "<p>Tổng số điểm của bài viết là: 0 trong 0 đánh giá</p><p>Click để đánh giá bài viết</p>"
                     "<p>Những tin mới hơn</p>"
                     "<p><a href=\"/a\">Hội thảo phát triển sản phẩm OCOP</a> (15/04/2021)</p>"
                     "<p><a href=\"/b\">Kiểm tra đo lường xăng dầu</a> (20/04/2021)</p>"
                     "<p>Những tin cũ hơn</p><p><a href=\"/c\">Tập huấn sở hữu trí tuệ</a></p>"
                     "<p>Đang truy cậpĐang truy cập : 67</p><p>Máy chủ tìm kiếm : 4</p><p>Hôm nayHôm nay : 3669</p>"
                     "<p>Tháng hiện tại : 47351</p><p>Tổng lượt truy cập : 22362591</p>"
                     "<p>© 2021 Sở KH&amp;CN Cao Bằng</p></div></body></html>";
  HtmlPage p = Extract(html);
  CHECK(p.text == "Tiêu đề bài\n" + std::string(kBodyText));
  CHECK(p.author == "HK");
  CHECK(p.title == "Tiêu đề bài");
}

TEST_CASE("html: title, dateline and author come first whatever the page's order (Dân trí style)") {
  std::string html =
      std::string(
          "<html><head><title>Cao Bằng hỗ trợ mô hình miến dong | Báo Dân trí</title>"
          "<meta property=\"og:title\" content=\"Cao Bằng hỗ trợ mô hình miến dong\"></head><body>"
          "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Dân trí</a></header>"
          "<main><article class=\"singular-container\">"
          "<ul class=\"dt-breadcrumb\"><li><a href=\"/kinh-doanh.htm\">Kinh doanh</a></li></ul>"
          "<div class=\"author-wrap\"><div class=\"author-name\"><a href=\"/tac-gia/hoang-lam.htm\"><b>Hoàng Lam</b></a></div>"
          "<time class=\"author-time\" datetime=\"2021-04-12 15:58\">Thứ hai, 12/04/2021 - 15:58</time></div>"
          "<h1 class=\"title-page detail\">Cao Bằng hỗ trợ mô hình miến dong</h1>"
          "<h2 class=\"singular-sapo\">(Dân trí) - Sở KH&amp;CN tỉnh Cao Bằng vừa phê duyệt mô hình.</h2>"
          "<div class=\"singular-content\">") +
      kBody + "</div></article></main><footer>Báo Dân trí</footer></body></html>";
  HtmlPage p = Extract(html);
  CHECK(p.title == "Cao Bằng hỗ trợ mô hình miến dong");
  CHECK(p.published == "2021-04-12");
  CHECK(p.author == "Hoàng Lam");
  CHECK(p.text == "Cao Bằng hỗ trợ mô hình miến dong\nThứ hai, 12/04/2021 - 15:58\n"
                  "(Dân trí) - Sở KH&CN tỉnh Cao Bằng vừa phê duyệt mô hình.\n" +
                      std::string(kBodyText));
}

TEST_CASE("html: metadata fallbacks") {
  SUBCASE("published from the dateline, author from <meta>, title from <title> without the site") {
    HtmlPage p = Extract(std::string("<html><head><title>Bài viết mẫu - Sở KH&amp;CN Cao Bằng</title>"
                                     "<meta name=\"author\" content=\"Phòng Quản lý khoa học\"></head><body>"
                                     "<div class=\"content\"><div>Thứ sáu - 05/03/2021 08:15</div>") +
                         kBody + "</div></body></html>");
    CHECK(p.title == "Bài viết mẫu");
    CHECK(p.published == "2021-03-05");
    CHECK(p.author == "Phòng Quản lý khoa học");
    CHECK(p.text == "Bài viết mẫu\nThứ sáu - 05/03/2021 08:15\n" + std::string(kBodyText));
  }
  SUBCASE("a plain date as dateline, <meta name=pubdate>") {
    HtmlPage p = Extract(std::string("<html><head><meta name=\"pubdate\" content=\"2021-04-12\"></head><body>"
                                     "<article><h1>Tiêu đề</h1><p>12/04/2021</p>") +
                         kBody + "</article></body></html>");
    CHECK(p.published == "2021-04-12");
    CHECK(p.text == "Tiêu đề\n12/04/2021\n" + std::string(kBodyText));
  }
  SUBCASE("<time datetime> in the article; a byline element") {
    HtmlPage p = Extract(std::string("<html><body><article><h1>Tiêu đề</h1>"
                                     "<time datetime=\"2020-12-31T23:00:00+07:00\">31/12/2020</time>") +
                         kBody + "<p class=\"byline\">Minh Hằng</p></article></body></html>");
    CHECK(p.published == "2020-12-31");
    CHECK(p.author == "Minh Hằng");
    CHECK(p.text == "Tiêu đề\n31/12/2020\n" + std::string(kBodyText));
  }
  SUBCASE("nothing known") {
    HtmlPage p = Extract("<p>Chỉ có một dòng.</p>");
    CHECK(p.text == "Chỉ có một dòng.");
    CHECK(p.title.empty());
    CHECK(p.published.empty());
    CHECK(p.author.empty());
  }
  SUBCASE("a logo <h1> outside the article is not the title") {
    HtmlPage p = Extract(std::string("<html><head><title>Bài viết mẫu - Sở KH&amp;CN Cao Bằng</title></head><body>"
                                     "<div class=\"logo\"><h1>Sở KH&amp;CN Cao Bằng</h1></div>"
                                     "<div class=\"a\"><div class=\"b\"><ul>"
                                     "<li><a href=\"/1\">Liên kết số một của trang</a></li>"
                                     "<li><a href=\"/2\">Liên kết số hai của trang</a></li></ul></div></div>"
                                     "<div class=\"content\"><div class=\"inner\">") +
                         kBody + "</div></div></body></html>");
    CHECK(p.title == "Bài viết mẫu");
    CHECK(p.text == "Bài viết mẫu\n" + std::string(kBodyText));
  }
}

TEST_CASE("html: a page whose article sits in a furniture-like class is read again") {
  std::string html = std::string("<html><body><div class=\"layout-with-sidebar\">") + kBody + "</div></body></html>";
  CHECK(Text(html) == kBodyText);
}

}  // namespace
}  // namespace vnextract::internal
