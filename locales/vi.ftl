# Thông báo của baocao bằng tiếng Việt (mặc định).
# Mọi khóa ở đây đều có trong en.ftl; tests/catalogue.rs kiểm tra điều đó.

## Khung của mọi thông báo
error = lỗi
warning = cảnh báo
hint = gợi ý
error-internal = lỗi nội bộ: { $detail } (xin báo lỗi này kèm tệp đầu vào đã gây ra nó)
standard-output = đầu ra chuẩn

## Tệp
io-cannot-read = không đọc được tệp { $path }: { $reason }
io-cannot-write = không ghi được tệp { $path }: { $reason }
io-cannot-create = không tạo được { $path }: { $reason }
io-cannot = không { $action } được { $path }: { $reason }
io-not-found = không có tệp hoặc thư mục này
io-permission-denied = không có quyền truy cập
io-already-exists = đã có tệp này
io-is-a-directory = đây là thư mục, không phải tệp
io-not-a-directory = một phần của đường dẫn không phải là thư mục
io-storage-full = ổ đĩa đã đầy
io-read-only = ổ đĩa chỉ cho đọc
io-invalid-data = dữ liệu không hợp lệ ({ $detail })

## Tệp YAML
yaml-unknown-field = không có trường `{ $field }` ở đây; các trường được dùng là: { $known }
yaml-missing-field = thiếu trường `{ $field }`
yaml-invalid-type = giá trị sai kiểu: { $detail }
yaml-invalid-value = giá trị không hợp lệ: { $detail }
yaml-unknown-variant = không có giá trị `{ $value }` ở đây; các giá trị được dùng là: { $known }
yaml-syntax = nội dung YAML sai cú pháp: { $detail }
yaml-colon-here = có dấu `:` không được phép ở chỗ này (giá trị có chứa `: ` phải đặt trong dấu nháy)
yaml-expected-key = cần có một khóa ở chỗ này (hãy kiểm tra thụt đầu dòng)
yaml-expected-colon = cần có dấu `:` sau khóa
yaml-unexpected-end = tệp kết thúc quá sớm (có dấu nháy hoặc dấu ngoặc chưa đóng?)
yaml-bad-character = có ký tự không được đứng đầu giá trị ở chỗ này (giá trị bắt đầu bằng `@`, `` ` `` hoặc `%` phải đặt trong dấu nháy)
yaml-tab = thụt đầu dòng bằng phím tab (hãy thụt bằng dấu cách)
yaml-expected-value = cần có một giá trị ở chỗ này
yaml-bad-escape = ký tự thoát không hợp lệ sau `\` trong giá trị có dấu nháy
yaml-expected-dash = cần có một mục danh sách (`- `) ở chỗ này (hãy kiểm tra thụt đầu dòng)

## build: tiến độ và tổng kết
build-progress-ok = xong  { $input } -> { $output } ({ $kind }, { $pages } trang)
build-progress-fail = LỖI   { $input }
build-warning = cảnh báo ({ $reports } báo cáo): { $text }
build-not-reports = { $inputs } tệp đầu vào không đọc được như một báo cáo thuộc loại nào; hãy kiểm tra trước khi gửi:
build-not-report = { "  " }{ $input } (đã in theo loại { $kind })
build-written = Đã ghi { $written }/{ $reports } báo cáo vào { $dir }
build-pack = tập các báo cáo đã ghi: { $pack }
build-pack-failed = lỗi: không ghi được tập báo cáo { $pack }: { $error }
build-failed = { $failed } tệp bị lỗi:
build-pack-empty = không có báo cáo nào để đưa vào { $pack }

## Dòng lệnh: phần trợ giúp
cli-about = Dàn trang các bài viết về công tác của cấp ủy Đảng thành báo cáo PDF theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW).
cli-long-about = Dàn trang các bài viết về công tác của cấp ủy Đảng thành báo cáo PDF theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW).

    Thông báo bằng tiếng Việt; muốn dùng tiếng Anh, thêm --lang en hoặc đặt LANG tiếng Anh (như en_US.UTF-8).
arg-lang = Ngôn ngữ của thông báo: vi (mặc định) hoặc en [mặc định: en nếu LANG là tiếng Anh]
cmd-year-end = Báo cáo tổng kết năm.
cmd-mid-term = Báo cáo sơ kết giữa nhiệm kỳ.
cmd-quarterly = Báo cáo quý, sơ kết 6 tháng.
cmd-congress = Báo cáo kết quả đại hội chi bộ.
cmd-resolution = Báo cáo kết quả thực hiện nghị quyết.
cmd-inspect = In dữ liệu báo cáo của một bài viết dưới dạng YAML để kiểm tra hoặc sửa.
cmd-inspect-long = In dữ liệu báo cáo của một bài viết dưới dạng YAML để kiểm tra hoặc sửa.

    Cho biết loại báo cáo và lý do, thời kỳ báo cáo, các phần cùng các dòng đầu vào của chúng và những gì đã được để riêng. Sửa tệp đó rồi in bằng `baocao <loại> data.yaml`.
arg-inspect-input = Bài viết, tệp văn bản UTF-8.
arg-inspect-kind = Xếp theo loại báo cáo này thay cho loại nhận ra được.
cmd-build = Làm nhiều báo cáo cùng lúc, song song.
cmd-build-long = Làm nhiều báo cáo cùng lúc, song song.

    Mỗi đầu vào (một bài viết, dữ liệu báo cáo hoặc một thư mục chứa chúng) thành tệp <DIR>/<tên>.pdf, theo loại nhận ra được từ bài viết, trừ khi có --kind. Gặp đầu vào lỗi vẫn làm tiếp, liệt kê các lỗi ở cuối và trả mã 1 nếu có tệp bị lỗi.
cmd-formats = Liệt kê các bộ thể thức có sẵn (--format), mô tả và nguồn của chúng.
cmd-templates = Liệt kê các mẫu và tệp của chúng.
arg-templates = Thư mục có các tệp NAME.hbs thay cho mẫu có sẵn.
arg-year = Năm báo cáo (chữ `năm 2021` của báo cáo tổng kết năm).
arg-term = Nhiệm kỳ (`2020-2025`): của đại hội, của báo cáo sơ kết giữa nhiệm kỳ.
arg-quarter = Quý báo cáo: `2021-1` là quý I/2021.
arg-half = Sáu tháng báo cáo: `2023-1` là 6 tháng đầu năm 2023.
arg-build-inputs = Các bài viết, tệp dữ liệu báo cáo hoặc thư mục chứa chúng.
arg-build-output = Thư mục ghi các tệp PDF (tạo mới nếu chưa có).
arg-build-kind = In mọi đầu vào theo loại báo cáo này.
arg-build-jobs = Số báo cáo làm cùng lúc [mặc định: mỗi nhân một báo cáo; nhiều nhất 4 báo cáo mỗi nhân].
arg-build-date = Ngày báo cáo cho mọi báo cáo [mặc định: ngày của từng bài viết].
arg-build-pack = Ghi thêm mọi báo cáo vào một tệp PDF này, mỗi báo cáo giữ số trang của mình.
arg-draft = In bản dự thảo để thảo luận: `DỰ THẢO` ở trang 1, hoặc với N là `Dự thảo lần N`; số văn bản để trống và siêu dữ liệu ghi đây là dự thảo. Đặt sau đầu vào, hoặc viết --draft=N.
arg-no-pdfa = Bỏ những gì làm tệp thành PDF/A-2u (siêu dữ liệu XMP, hồ sơ màu sRGB).
arg-no-sign-field = Bỏ ô chữ ký trống đặt trên chỗ ký.
arg-render-input = Bài viết (tệp văn bản UTF-8) hoặc dữ liệu báo cáo do `baocao inspect` in ra (.yaml).
arg-render-output = Nơi ghi tệp PDF [mặc định: <tên đầu vào>.pdf trong thư mục hiện tại].
arg-render-number = Số văn bản (thay cho số trong hồ sơ), từ 1.
arg-render-date = Ngày báo cáo [mặc định: ngày đăng bài viết].
arg-render-templates = Thư mục có các tệp NAME.hbs (và partials/NAME.hbs) thay cho mẫu có sẵn.
help-usage = Cách dùng:
help-commands = Lệnh:
help-arguments = Đối số:
help-options = Tùy chọn:
help-flag = In phần trợ giúp
help-flag-short = In phần trợ giúp (xem đầy đủ với '--help')
help-flag-long = In phần trợ giúp (xem tóm tắt với '-h')
help-version-flag = In số phiên bản
help-command = In phần trợ giúp này hoặc của (các) lệnh được nêu
help-command-arg = In phần trợ giúp của (các) lệnh

## Dòng lệnh: lỗi
cli-bad-date = `{ $value }` không phải là ngày hợp lệ; hãy viết theo dạng YYYY-MM-DD
cli-bad-year = `{ $value }` không phải là năm trong khoảng 1945 đến 2100
cli-bad-term = `{ $value }` không phải là nhiệm kỳ; hãy viết theo dạng YYYY-YYYY, năm cuối không quá năm năm sau năm đầu
cli-bad-quarter = `{ $value }` không phải là quý; hãy viết theo dạng YYYY-N với N từ 1 đến 4
cli-bad-half = `{ $value }` không phải là sáu tháng; hãy viết theo dạng YYYY-N với N từ 1 đến 2
cli-draft-zero = lần dự thảo được đếm từ 1
cli-bad-draft = `{ $value }` không phải là lần dự thảo; hãy viết --draft sau đầu vào, hoặc --draft=N
clap-value-missing = '{ $arg }' cần một giá trị nhưng chưa có
clap-invalid-value = giá trị '{ $value }' của '{ $arg }' không hợp lệ (các giá trị được dùng: { $valid })
clap-bad-value = giá trị '{ $value }' của '{ $arg }' không hợp lệ: { $reason }
clap-unknown-argument = không có tùy chọn '{ $arg }'
clap-unknown-command = không có lệnh '{ $command }'
clap-missing-argument = còn thiếu đối số bắt buộc: { $arg }
clap-conflict = không dùng được '{ $arg }' cùng với '{ $other }'
clap-too-many = thừa giá trị '{ $value }' của '{ $arg }'; không cần thêm giá trị nào
clap-did-you-mean = gợi ý: có một tên gần giống: '{ $value }'
clap-try-help = Xem thêm bằng '--help'.

## In một báo cáo, liệt kê
render-wrote = đã ghi { $output } ({ $pages } trang)
build-no-inputs = không tìm thấy đầu vào .txt, .yaml hay .yml nào; hãy đưa tệp bài viết hoặc thư mục chứa chúng
build-bar = báo cáo
formats-default = mặc định

## Bộ thể thức
format-unknown = không có bộ thể thức có sẵn nào tên là `{ $name }`; các bộ có sẵn là { $formats } (`baocao formats` liệt kê chúng), hoặc hãy đưa một tệp thể thức NAME.yaml
format-yaml-hint = hãy bắt đầu từ một bản sao của templates/formats/party-2018.yaml; mỗi giá trị cần có `value`, `tag` và `ref`
format-column-empty = mỗi cột cần ít nhất một dòng
format-row-field-or-text = mỗi dòng in hoặc một `field` hoặc một `text`
format-above-zero = phải lớn hơn 0
format-separator-hyphen = kết thúc bằng dấu gạch nối ASCII (-), mà trình trích văn bản (pdftotext) coi là từ bị ngắt và nối vào dòng sau; hãy viết dấu gạch nối U+2010 (‐)
format-at-least = phải ít nhất là { $min }
format-part-numbers = cần ít nhất số của phần thứ nhất
format-field-name = tên ô phải là ký tự ASCII, không để trống, không có dấu `.`
format-outline-level = phải là một cấp đề mục từ 2 (`##`) đến 5 (`#####`)
format-not-empty = không được để trống
format-draft-n = phải có `{"{"}n{"}"}`, chỗ đặt số lần dự thảo
format-margins-width = lề trang để lại chiều rộng vùng chữ dưới một inch
format-margins-height = lề trang để lại chiều cao vùng chữ dưới một inch

## Hồ sơ cơ quan
org-yaml-hint = các khóa được dùng: { $keys }

## Bài viết
article-empty = tệp trống
article-empty-hint = hãy đưa một bài viết dạng văn bản thuần: dòng tiêu đề, dòng ngày, các đoạn văn
article-no-body = không tìm thấy đoạn văn nào của phần nội dung: tệp này không giống một bài viết
article-no-body-hint = một bài viết cần có dòng tiêu đề và tiếp theo là các đoạn văn
# Ghi chú: `inspect` ghi bằng tiếng Anh; cảnh báo thì dùng ngôn ngữ của thông báo.
note-mid-sentence = bài viết có vẻ dừng giữa câu ở đây; văn bản được giữ nguyên
note-no-year = bài viết không nêu năm báo cáo; năm { $year } là năm đăng bài; muốn dùng năm khác, hãy thêm --year

## Dữ liệu báo cáo và những gì báo cáo còn thiếu
data-yaml-hint = tệp này phải là dữ liệu báo cáo như `baocao inspect` in ra
data-rehomed = dữ liệu này là của báo cáo loại { $from }; các phần mà báo cáo loại { $kind } không có ({ $sections }) được đưa vào phần chung
not-a-report = bài viết không đọc được như một báo cáo ({ $why }); bài được in theo loại { $kind }, có thể không đúng
period-blank = trích yếu còn để trống { $what }: bài viết không nêu; hãy đưa vào bằng { $option }
period-year = năm
period-committee-term = nhiệm kỳ của cấp ủy
period-quarter = quý
period-quarter-option = --quarter YYYY-Q (hoặc --half YYYY-H cho báo cáo sơ kết 6 tháng)
period-term = nhiệm kỳ
period-resolution = tên nghị quyết
period-resolution-option = mục period.resolution của dữ liệu báo cáo (baocao inspect)
format-provisional = bộ thể thức `{ $name }` là bản tạm: { $description }; hãy đối chiếu cách trình bày với văn bản chính thức trước khi gửi

## Mẫu và văn bản đánh dấu của mẫu
report-data = dữ liệu báo cáo
markup-source = văn bản đánh dấu do mẫu { $template } tạo ra
markup-unsupported = không dàn trang được { $what } trong báo cáo
markup-unsupported-hint = mẫu chỉ được dùng đề mục #–#####, đoạn văn, danh sách `-` và chữ nhấn mạnh
markup-html = mã HTML
markup-rule = đường kẻ ngang phân đoạn
markup-second-summary = đề mục trích yếu `#` thứ hai
markup-code = mã lệnh trong dòng
markup-code-block = khối mã lệnh
markup-image = hình ảnh
markup-table = bảng
markup-quote = khối trích dẫn
markup-no-summary = không có đề mục trích yếu `#` (trích yếu dưới chữ BÁO CÁO)
template-folder = không đọc được thư mục mẫu { $dir }
template-unknown = không có mẫu nào tên là `{ $name }`
template-missing-value = dữ liệu không có giá trị ở `{ $path }`
template-missing-some-value = thiếu một giá trị mà mẫu dùng đến
template-syntax = mẫu sai cú pháp: { $detail }
section-unknown = không có phần `{ $id }`
section-unknown-hint = các phần được dùng: { $ids }

## Tiêu đề văn bản và chữ ký
data-bad-date = dữ liệu báo cáo có ngày không hợp lệ `{ $date }` (cần viết theo dạng YYYY-MM-DD)
letter-no-date = bài viết không có ngày đăng nên dòng địa danh, ngày tháng để trống; hãy đưa ngày báo cáo bằng --date YYYY-MM-DD
letter-superior = cơ quan cấp trên
letter-issuer = cơ quan ban hành
letter-place = địa danh
letter-number = số văn bản
letter-authority = thẩm quyền ký
letter-signer-title = chức vụ người ký
letter-signer-name = họ tên người ký
letter-recipients = nơi nhận
letter-missing-in-org = hồ sơ cơ quan không có, nên để trống: { $missing }; hãy điền vào hồ sơ cơ quan (--org, hoặc tệp baocao.yaml ở đây do `baocao init` tạo)
letter-missing-in-article = bài viết không có, nên để trống: { $missing }; hãy điền vào hồ sơ cơ quan (--org, hoặc tệp baocao.yaml ở đây do `baocao init` tạo)
letter-collective-signs-tm = thẩm quyền ký `{ $authority }`: cấp ủy Đảng ký T/M (thay mặt); K/T chỉ dành cho cơ quan tham mưu, giúp việc
letter-state-form = thẩm quyền ký `{ $authority }` theo cách viết của văn bản nhà nước; văn bản của Đảng viết T/M, K/T, T/L

## Bộ từ vựng
lexicon-index = không lập được chỉ mục cho các mẫu từ: { $detail }
lexicon-reserved = mã phần `{ $id }` đã được dành riêng
lexicon-no-outline = phần `{ $id }` không có trong dàn ý của loại báo cáo nào

## Dàn trang
layout-not-justified = một dòng trong đoạn văn bắt đầu bằng “{ $start }…” không căn đều hai bên được trong giới hạn giãn cách nên để nguyên không căn đều
layout-word-too-wide = “{ $word }” (khối { $block }) dài hơn một dòng nên đã bị ngắt sang nhiều dòng
layout-no-good-break = trang { $page }: không có chỗ ngắt trang nào thỏa các quy tắc về dòng mồ côi, dòng góa và giữ liền khối; vẫn ngắt trang

## PDF
pdf-too-large = tệp PDF sẽ lớn hơn 4 GiB; hãy đưa ít báo cáo hơn vào tệp

## Hồ sơ cơ quan tìm được khi không có --org, init, preview (issue 15)
org-used-given = hồ sơ cơ quan: { $path } (đưa bằng --org)
org-used-folder = hồ sơ cơ quan: { $path } (tìm thấy trong thư mục hiện tại)
org-used-user = hồ sơ cơ quan: { $path } (tìm thấy trong thư mục cấu hình của bạn)
init-wrote = đã ghi { $path }: hãy điền vào; các báo cáo làm trong thư mục này sẽ dùng tệp này mà không cần --org
init-exists = đã có { $path }; tệp được giữ nguyên (muốn làm lại, hãy xóa tệp đó trước)
init-no-home = không có thư mục riêng của người dùng để lưu cấu hình
preview-wrote = đã ghi { $count }/{ $pages } trang thành ảnh, ảnh đầu tiên là { $first }
preview-bad-pages = `{ $value }` không phải là khoảng trang; hãy viết N hoặc N-M (trang đánh số từ 1)
preview-pages-past-end = báo cáo có { $pages } trang; các trang { $first }-{ $last } không nằm trọn trong đó
preview-bad-dpi = `{ $value }` không phải là độ phân giải; hãy đưa số điểm trên một inch từ 10 đến 1200
help-format = Bộ thể thức: tên một bộ có sẵn hoặc một tệp thể thức [có sẵn: { $formats }]
help-org = Hồ sơ cơ quan (YAML) [mặc định: ./{ $file }{ $user }; `baocao init` tạo một tệp]. Các khóa: { $keys }
help-org-user = , nếu không có thì { $path }
help-kinds = { $text } [các loại: { $kinds }]
help-examples = Ví dụ:
cmd-preview = Vẽ các trang của báo cáo thành ảnh PNG để xem mà không cần trình đọc PDF.
cmd-preview-long = Vẽ các trang của báo cáo thành ảnh PNG để xem mà không cần trình đọc PDF.

    Các trang do chính baocao vẽ, đúng như được dàn trong tệp PDF.
cmd-init = Tạo một hồ sơ cơ quan để điền vào (./baocao.yaml), không bao giờ ghi đè tệp đã có.
cmd-completions = In đoạn mã tự hoàn thành lệnh cho shell: `baocao completions bash > /etc/bash_completion.d/baocao`.
cmd-man = In trang hướng dẫn (roff): `baocao man > baocao.1; man -l baocao.1`.
arg-init-user = Ghi vào thư mục cấu hình của bạn, dùng cho mọi thư mục.
arg-preview-kind = Loại báo cáo [mặc định: loại nhận ra được từ bài viết, hoặc loại ghi trong dữ liệu].
arg-preview-output = Thư mục ghi ảnh, <tên đầu vào>-<trang>.png (tạo mới nếu chưa có) [mặc định: thư mục hiện tại].
arg-preview-dpi = Độ phân giải tính bằng điểm trên một inch: 96 cho màn hình, 300 cho máy in [mặc định: 96].
arg-preview-pages = Các trang cần vẽ, N hoặc N-M, đánh số từ 1 [mặc định: tất cả].
arg-preview-draft = Vẽ bản dự thảo (`DỰ THẢO`, với N là `Dự thảo lần N`); viết --draft=N.
example-report-here = ghi bai-viet.pdf vào đây
example-top-init = tạo ./baocao.yaml, hồ sơ cơ quan
example-top-year-end = báo cáo tổng kết năm, bai-viet.pdf
example-top-preview = trang 1 thành bai-viet-1.png
example-preview-all = mọi trang, bai-viet-1.png …
example-init-user = hồ sơ dùng cho mọi thư mục
arg-completions-shell = Shell: bash, zsh, fish, powershell hoặc elvish.
arg-max-input-size = Dung lượng lớn nhất của một đầu vào: số byte, hoặc kèm K, M, G (KiB, MiB, GiB) [mặc định: 16M].
arg-encoding = Bảng mã của bài viết khi không phải UTF-8 hay UTF-16: windows-1258, tcvn3, vni (nguyên gốc, hoặc đã từng bị đọc theo Windows-1252), utf-8-as-1252 (UTF-8 đã từng bị đọc theo Windows-1252), hoặc utf-8 để giữ nguyên văn bản.
arg-strict = Từ chối các ký tự mà phông chữ đi kèm không vẽ được (chữ Hán, chữ Ả Rập, biểu tượng cảm xúc…) thay vì bỏ đi kèm cảnh báo.
note = ghi chú

## Ký tự không dàn trang được, từ quá dài (issue 13)
part-body = phần nội dung
part-summary = trích yếu
part-header = phần tiêu đề văn bản
part-signature = phần chữ ký
part-recipients = phần nơi nhận
part-profile = một đoạn chữ cố định của bộ thể thức
layout-unsupported = không dàn trang được { $chars }: phông chữ đi kèm không có ký tự này, hoặc chữ viết từ phải sang trái; đã bỏ khỏi báo cáo
layout-unsupported-in = { $message } (trong { $part })
layout-unsupported-more = thêm { $places } chỗ có ký tự không dàn trang được, đã bỏ khỏi báo cáo: { $chars }
layout-unsupported-strict = không dàn trang được các ký tự này (phông chữ đi kèm không có, hoặc chữ viết từ phải sang trái), và --strict không cho phép bỏ chúng đi: { $chars }
layout-unsupported-hint = hãy thay hoặc xóa các ký tự này (phông Liberation Serif đi kèm có chữ Việt, La-tinh, Hy Lạp và Ki-rin), hoặc chạy không có --strict để bỏ chúng đi
layout-word-broken = “{ $word }” (trong { $part }) dài hơn một dòng nên đã bị ngắt sang nhiều dòng
layout-unsupported-strict-places = không dàn trang được các ký tự này (phông chữ đi kèm không có, hoặc chữ viết từ phải sang trái), và --strict không cho phép bỏ chúng đi: { $chars } ({ $places } chỗ)

## Bảo vệ tệp kết quả (issue 13)
guard-not-regular = không ghi vào { $path }: đó là { $what }, không phải tệp thông thường; hãy đưa tên tệp bằng -o (hoặc --pack)
guard-link-loop = không ghi vào { $path }: các liên kết tượng trưng của nó tạo thành vòng lặp
guard-same-as-input = không ghi vào { $output }: đó là tệp đầu vào { $input }{ $how }, báo cáo sẽ ghi đè lên nó; hãy chọn tên khác cho tệp kết quả
guard-same-as-output = không ghi vào { $output }: đó cũng là tệp { $earlier }, một tệp kết quả khác của lượt này; hãy chọn tên khác
guard-no-folder = không ghi được { $output }: chưa có thư mục { $folder }; hãy tạo thư mục trước hoặc chọn nơi ghi khác
guard-via-link = { " " }(qua một liên kết tượng trưng)
guard-via-hard-link = { " " }(một liên kết cứng tới nó)
guard-interrupted = bị ngắt ({ $signal }): đã xóa { $removed } tệp tạm; không để lại báo cáo nào ghi dở
guard-a-folder = một thư mục
guard-a-fifo = một ống dẫn có tên (FIFO)
guard-a-device = một thiết bị
guard-a-socket = một socket
guard-not-a-file = không phải là tệp

## Đầu vào và giới hạn (issue 13)
input-is-folder = { $path } là thư mục, không phải tệp; hãy đưa tệp bài viết hoặc tệp dữ liệu báo cáo (`baocao build` nhận thư mục)
input-too-large = { $path } có dung lượng { $size }, vượt giới hạn { $limit } cho một đầu vào; nếu đúng là một bài viết, hãy nâng giới hạn bằng --max-input-size SIZE
input-too-large-stream = { $path } chứa nhiều hơn giới hạn { $limit } cho một đầu vào; nếu đúng là một bài viết, hãy nâng giới hạn bằng --max-input-size SIZE
input-link-loop = bỏ qua { $path }: một liên kết trỏ ngược về { $target } đang được đọc (vòng lặp)
input-same-file = { $path } cũng là tệp { $other }; chỉ làm một lần
input-bad-size = `{ $value }` không phải là dung lượng; hãy viết số byte hoặc một số kèm K, M hay G (KiB, MiB, GiB), ví dụ 32M

## Bảng mã (issue 13)
enc-invalid = tệp không phải là văn bản UTF-8: byte 0x{ $byte } ở vị trí byte { $offset } không mở đầu ký tự UTF-8 nào
enc-invalid-hint = hãy lưu tệp dưới dạng văn bản thuần UTF-8, hoặc nêu bảng mã của tệp bằng --encoding (utf-16le, utf-16be, windows-1258, tcvn3, vni)
enc-nul = tệp có byte NUL (vị trí byte { $offset }): đây là dữ liệu nhị phân, không phải văn bản
enc-nul-hint = hãy đưa một tệp văn bản thuần lưu dưới dạng UTF-8
enc-bad-utf16 = tệp không phải là { $what } hợp lệ: có một nửa cặp thay thế lẻ hoặc một byte lẻ ở vị trí byte { $offset }
enc-reads-as = tệp không phải là văn bản UTF-8 (byte 0x{ $byte } ở vị trí byte { $offset }) nhưng đọc được theo { $what }: “{ $sample }”
enc-misread = văn bản có vẻ là { $what } đã từng bị đọc nhầm theo Windows-1252: “{ $bad }” lẽ ra là “{ $good }”
enc-convert-hint = hãy chuyển đổi bằng --encoding { $name }, hoặc lưu lại dưới dạng UTF-8 từ chương trình đã tạo ra tệp
enc-not-misread = tệp là văn bản UTF-8 có “{ $char }”, ký tự mà Windows-1252 không có, nên không phải là { $what } bị đọc theo Windows-1252
enc-wrong-hint = hãy bỏ --encoding, hoặc nêu đúng bảng mã của tệp
enc-lost = việc đọc nhầm đã thay các ký tự bằng “�”: không còn biết chúng là gì nên không khôi phục chính xác được văn bản
enc-lost-hint = hãy lấy lại văn bản từ nguồn, lưu dưới dạng UTF-8
enc-not-misread-bytes = văn bản không phải là UTF-8 bị đọc theo Windows-1252: các byte của nó không phải là UTF-8

## Giới hạn của YAML, giá trị và mẫu (issue 13)
yaml-aliases = các bí danh (*tên) làm dữ liệu phình ra quá { $limit } KiB, gấp mười lần tệp cộng thêm 1 MiB; hãy viết thẳng các giá trị ra
yaml-nesting = các giá trị lồng nhau sâu quá { $depth } cấp; dữ liệu báo cáo và bộ thể thức chỉ cần vài cấp
checked-out-of-range = { $value } không phải là { $what } hợp lệ; giá trị từ { $low } đến { $high }
checked-bad-date = `{ $value }` không phải là một ngày có thật trong khoảng 1945 đến 2100; hãy viết theo dạng YYYY-MM-DD
checked-bad-term = { $start } - { $end } không phải là nhiệm kỳ: năm đầu từ 1945 đến 2100 và năm cuối sau đó một đến năm năm
template-partial-loop = mẫu con `{ $name }` tự gọi lại chính nó ({ $chain }); sẽ không bao giờ dựng xong — hãy bỏ một trong các lệnh gọi này
template-nesting = các khối hoặc dấu ngoặc lồng nhau sâu quá { $most } cấp ở đây; một mẫu chỉ cần vài cấp
template-dynamic-partial = không kiểm tra được mẫu con gọi theo biểu thức (`{"{{"}> (…){"}}"}`) có tự gọi lại hay không; hãy viết tên của nó: `{"{{"}> name{"}}"}`
data-no-paragraphs = dữ liệu báo cáo không có đoạn văn nào trong các phần (`sections: []` hoặc các phần trống): báo cáo chỉ có tiêu đề mà không có nội dung; hãy đưa các đoạn văn vào các phần, hoặc in từ bài viết
build-jobs-capped = --jobs { $jobs } nhiều hơn { $per } việc mỗi nhân ({ $cores } nhân ở máy này); dùng { $most }
cli-bad-report-year = `{ $value }`: ngày báo cáo phải thuộc một năm trong khoảng 1945 đến 2100
cli-bad-encoding = `{ $value }` không phải là bảng mã baocao đọc được; hãy dùng một trong các bảng mã { $encodings }
cli-bad-number = `{ $value }` không phải là số văn bản; số văn bản từ 1 đến 9999
cli-bad-jobs = `{ $value }` không phải là số việc làm cùng lúc; hãy đưa 1 hoặc lớn hơn
cli-removed-temp = đã xóa { $count } tệp tạm do một lượt chạy bị ngắt để lại trong { $dir }
input-bytes = { $count } byte
checked-year = năm
checked-quarter = quý
checked-half = sáu tháng
checked-number = số văn bản
