/* The dashboard's words, Vietnamese first and English. Keys are shared by the pages and the sign-in form. */
window.OCOP_MESSAGES = {
  vi: {
    'title': 'OCOP {province}',
    'skip': 'Bỏ qua, đến nội dung',
    'province.label': 'Tỉnh, thành phố',
    'nav': 'Trang',
    'nav.overview': 'Tổng quan', 'nav.districts': 'Huyện, thành phố', 'nav.register': 'Sổ sản phẩm',
    'nav.expiry': 'Hết hạn', 'nav.support': 'Hỗ trợ', 'nav.reports': 'Báo cáo',
    'asOf.label': 'Số liệu tại ngày', 'asOf.today': 'Hôm nay', 'asOf.show': 'Xem',
    'asOf.hint': 'Ngày theo dạng ngày/tháng/năm, không sau hôm nay',
    'asOf.invalid': 'Hãy nhập một ngày có thật theo dạng ngày/tháng/năm, ví dụ 31/12/2024.',
    'asOf.banner': 'Đang xem số liệu như tại cuối ngày {date}. Bấm “Hôm nay” để trở về hiện tại.',
    'signOut': 'Đăng xuất', 'loading': 'Đang tải…', 'footer': 'Chương trình Mỗi xã một sản phẩm (OCOP)',
    'language': 'English',
    'signIn.title': 'Đăng nhập', 'signIn.lead': 'Bảng điều hành chương trình OCOP {province}',
    'signIn.username': 'Tên đăng nhập', 'signIn.password': 'Mật khẩu', 'signIn.submit': 'Đăng nhập',
    'signIn.error.credentials': 'Tên đăng nhập hoặc mật khẩu không đúng.',
    'signIn.error.too-many': 'Đăng nhập sai quá nhiều lần; hãy thử lại sau {retry} giây.',
    'signIn.signed-out': 'Đã đăng xuất.',
    'signIn.expired': 'Phiên làm việc đã hết; hãy đăng nhập lại.',
    'error.title': 'Không tải được dữ liệu', 'error.forbidden': 'Vai trò của tài khoản này không xem được trang này.',
    'error.notFound': 'Không tìm thấy.',
    'password.title': 'Cần đổi mật khẩu', 'password.lead': 'Tài khoản phải đổi mật khẩu trước khi làm việc.',
    'password.current': 'Mật khẩu hiện tại', 'password.new': 'Mật khẩu mới (ít nhất 12 ký tự)',
    'password.submit': 'Đổi mật khẩu', 'password.done': 'Đã đổi mật khẩu; hãy đăng nhập lại bằng mật khẩu mới.',
    'overview.title': 'Tổng quan chương trình', 'overview.registered': 'Sản phẩm đã đăng ký',
    'overview.inForce': 'Sản phẩm còn hiệu lực', 'overview.keyProducts': 'Sản phẩm chủ lực',
    'overview.provincial': 'Nâng lên cấp tỉnh', 'overview.subjects': 'Chủ thể', 'overview.expiring': 'Hết hạn trong 90 ngày',
    'overview.byStars': 'Sản phẩm còn hiệu lực theo hạng sao', 'overview.byGroup': 'Sản phẩm còn hiệu lực theo nhóm',
    'overview.legalForms': 'Chủ thể theo loại hình', 'overview.legalFormTargets': 'Chỉ tiêu: hợp tác xã ≥ 50%, doanh nghiệp nhỏ và vừa ≥ 30%',
    'overview.cooperativeShare': 'Hợp tác xã: {value}% (chỉ tiêu ≥ 50%)', 'overview.enterpriseShare': 'Doanh nghiệp: {value}% (chỉ tiêu ≥ 30%)',
    'overview.support': 'Hỗ trợ năm {year} theo nguồn vốn', 'overview.plan': 'Tiến độ kế hoạch',
    'overview.noPlan': 'Chưa có kế hoạch nào được thông qua.', 'overview.activity': 'Hoạt động gần đây',
    'overview.activityHidden': 'Vai trò này không xem nhật ký hoạt động.',
    'stars': '{n} sao', 'count': 'Số lượng',
    'money.allocated': 'Phân bổ', 'money.committed': 'Đã cam kết', 'money.disbursed': 'Đã giải ngân', 'money.remaining': 'Còn lại',
    'districts.title': 'Theo huyện, thành phố',
    'districts.grid': 'Bản đồ ô: màu đậm hơn là nhiều sản phẩm còn hiệu lực hơn', 'districts.district': 'Huyện, thành phố',
    'districts.titleUnits': 'Theo đơn vị hành chính hiện nay', 'districts.unit': 'Xã, phường (từ 01/07/2025)',
    'districts.noteUnits': 'Các xã, phường, đặc khu của {province} từ ngày 01/07/2025; hồ sơ trước đó được tính vào đơn vị đã tiếp nhận xã cũ (bảng đối chiếu chưa được kiểm chứng chính thức).',
    'districts.splitNote': '* Xã cũ bị chia cho nhiều đơn vị: hồ sơ của xã đó được tính vào đơn vị giữ mã của xã cũ, nếu không có thì vào đơn vị có mã nhỏ nhất trong số đơn vị tiếp nhận, vì bảng đối chiếu không cho biết phần nào về đâu.',
    'districts.note': 'Đơn vị hành chính cấp huyện trước ngày 01/07/2025 ({former}).',
    'districts.switchUnits': 'Xem theo đơn vị hiện nay →', 'districts.switchDistricts': 'Xem theo huyện trước 01/07/2025 →',
    'districts.backUnits': '← Tất cả đơn vị', 'districts.absorbedNote': 'Gồm các xã cũ đã sáp nhập vào đơn vị này.',
    'districts.commune': 'Xã, phường, thị trấn', 'districts.communes': 'Các xã của {name}', 'districts.back': '← Tất cả huyện',
    'col.registered': 'Đã đăng ký', 'col.inForce': 'Còn hiệu lực', 'col.subjects': 'Chủ thể', 'col.supported': 'SP được hỗ trợ',
    'col.byStars': '3★ / 4★ / 5★',
    'register.title': 'Sổ sản phẩm OCOP', 'register.search': 'Tìm tên sản phẩm (có hoặc không dấu)',
    'register.district': 'Huyện', 'register.group': 'Nhóm', 'register.stars': 'Hạng sao', 'register.stage': 'Giai đoạn',
    'register.certificate': 'Giấy chứng nhận', 'register.any': 'Tất cả', 'register.apply': 'Lọc', 'register.results': '{total} sản phẩm',
    'register.none': 'Không có sản phẩm nào khớp.', 'register.previous': '← Trang trước', 'register.next': 'Trang sau →',
    'register.page': 'Trang {page} / {pages}',
    'col.name': 'Sản phẩm', 'col.group': 'Nhóm', 'col.commune': 'Xã', 'col.stage': 'Giai đoạn', 'col.stars': 'Sao',
    'col.expires': 'Hết hạn', 'col.status': 'Tình trạng', 'col.decision': 'Quyết định', 'col.date': 'Ngày',
    'product.back': '← Sổ sản phẩm', 'product.certificate': 'Giấy chứng nhận', 'product.noCertificate': 'Chưa được công nhận.',
    'product.decision': 'Quyết định số {number} ngày {date}', 'product.expires': 'Hiệu lực đến {date}',
    'product.sheets': 'Phiếu đánh giá của hội đồng', 'product.sheetOf': 'Đánh giá ngày {date}, đợt {round}',
    'product.heldAt': 'Kết quả giữ ở {stars} sao (điểm đạt hạng {band} sao) vì tiêu chí được đánh dấu chưa đạt mức tối thiểu.',
    'product.criterion': 'Tiêu chí', 'product.member': 'TV{n}', 'product.councilAnswer': 'Trả lời của hội đồng',
    'product.minimumMissed': 'Mức tối thiểu chưa đạt', 'product.minimumOf': '{stars} sao (cần {points} điểm)',
    'product.points': '{n} điểm', 'product.summaryPdf': 'Bảng tổng hợp (PDF)', 'product.summaryXlsx': 'Bảng tổng hợp (XLSX)',
    'product.memberSheet': 'phiếu TV{n}', 'product.forms': 'Biểu mẫu hồ sơ:', 'product.form02': 'Mẫu 02 — phiếu tự đánh giá',
    'product.form03': 'Mẫu 03 — báo cáo của xã',
    'product.evaluations': 'Đánh giá của hội đồng', 'product.noEvaluations': 'Chưa có đánh giá.',
    'product.support': 'Hỗ trợ đã nhận', 'product.noSupport': 'Chưa nhận hỗ trợ.', 'product.timeline': 'Dòng thời gian',
    'product.registeredOn': 'Đăng ký ngày {date}', 'product.score': 'Điểm', 'product.round': 'Đợt', 'product.level': 'Cấp',
    'product.flags.key': 'Sản phẩm chủ lực', 'product.flags.provincial': 'Cấp tỉnh', 'product.flags.nominated': 'Đề cử 5 sao',
    'expiry.title': 'Gia hạn và hết hạn', 'expiry.due30': 'Hết hạn trong 30 ngày', 'expiry.due60': 'Trong 60 ngày',
    'expiry.due90': 'Trong 90 ngày', 'expiry.notices': 'Cần thông báo', 'expiry.windows': 'Đang mở đánh giá lại',
    'expiry.awaiting': 'Chờ quyết định', 'expiry.lapsed': 'Đã hết hạn', 'expiry.dueList': 'Sắp hết hạn',
    'expiry.awaitingList': 'Đang chờ đánh giá lại', 'expiry.notice': 'Thông báo',
    'support.title': 'Hỗ trợ của Nhà nước', 'support.year': 'Năm ngân sách', 'support.lines': 'Dòng ngân sách',
    'support.bySource': 'Theo nguồn vốn', 'support.byKind': 'Theo nội dung hỗ trợ', 'support.grants': 'Các khoản hỗ trợ',
    'support.noLines': 'Chưa có dòng ngân sách cho năm này.', 'support.noGrants': 'Chưa có khoản hỗ trợ.',
    'support.closed': 'Đã khóa', 'support.open': 'Đang mở', 'col.source': 'Nguồn', 'col.kind': 'Nội dung', 'col.amount': 'Số tiền',
    'col.use': 'Sử dụng', 'col.product': 'Sản phẩm',
    'reports.title': 'Báo cáo', 'reports.annual': 'Tổng kết năm', 'reports.phase': 'Tổng kết giai đoạn', 'reports.year': 'Năm',
    'reports.from': 'Từ năm', 'reports.to': 'Đến năm', 'reports.show': 'Xem', 'reports.csv': 'Tải CSV', 'reports.xlsx': 'Tải Excel (XLSX)',
    'group.1': 'Thực phẩm', 'group.2': 'Đồ uống', 'group.3': 'Thảo dược, dược liệu', 'group.4': 'Vải, may mặc, thủ công mỹ nghệ',
    'group.5': 'Lưu niệm, trang trí, sinh vật cảnh', 'group.6': 'Dịch vụ du lịch',
    'legal.ENTERPRISE': 'Doanh nghiệp', 'legal.COOPERATIVE': 'Hợp tác xã', 'legal.COOPERATIVE_GROUP': 'Tổ hợp tác',
    'legal.HOUSEHOLD_BUSINESS': 'Hộ kinh doanh',
    'source.CENTRAL_BUDGET': 'Ngân sách trung ương', 'source.PROVINCIAL_BUDGET': 'Ngân sách tỉnh',
    'source.DISTRICT_BUDGET': 'Ngân sách huyện', 'source.COMMUNE_BUDGET': 'Ngân sách xã', 'source.SOCIALISED': 'Xã hội hóa',
    'kind.TRAINING': 'Đào tạo', 'kind.PACKAGING_LABEL_STORY': 'Bao bì, nhãn, câu chuyện sản phẩm', 'kind.BRANDING_IP': 'Thương hiệu, sở hữu trí tuệ',
    'kind.QUALITY_CERTIFICATION_TRACEABILITY': 'Chứng nhận chất lượng, truy xuất', 'kind.EQUIPMENT_PRODUCTION_LINE': 'Thiết bị, dây chuyền',
    'kind.TRADE_PROMOTION': 'Xúc tiến thương mại', 'kind.CREDIT_INTEREST': 'Hỗ trợ lãi vay', 'kind.STAR_UPGRADE_REWARD': 'Thưởng nâng hạng sao',
    'stage.IDEA_REGISTERED': 'Đăng ký ý tưởng', 'stage.IDEA_RETURNED': 'Ý tưởng bị trả lại', 'stage.IDEA_ACCEPTED': 'Ý tưởng được chấp thuận',
    'stage.PLAN_SUBMITTED': 'Đã nộp phương án', 'stage.PLAN_REJECTED': 'Phương án bị từ chối', 'stage.PLAN_APPROVED': 'Phương án được duyệt',
    'stage.EVALUATED': 'Đã đánh giá', 'stage.RECOGNISED': 'Đã công nhận',
    'cert.VALID': 'Còn hiệu lực', 'cert.AWAITING_RE_EVALUATION': 'Chờ đánh giá lại', 'cert.EXPIRED': 'Hết hiệu lực',
    'cert.REVOKED': 'Bị thu hồi', 'cert.IN_FORCE': 'Đang có hiệu lực', 'cert.EXPIRING': 'Sắp hết hạn (90 ngày)',
    'grant.OPEN': 'Đang thực hiện', 'grant.CANCELLED': 'Đã hủy phần còn lại', 'grant.CLOSED': 'Đã quyết toán',
    'level.COMMUNE': 'Xã', 'level.DISTRICT': 'Huyện', 'level.PROVINCE': 'Tỉnh', 'level.CENTRAL': 'Trung ương'
  },
  en: {
    'title': 'OCOP {province}',
    'skip': 'Skip to content',
    'province.label': 'Province',
    'nav': 'Pages',
    'nav.overview': 'Overview', 'nav.districts': 'Districts', 'nav.register': 'Register',
    'nav.expiry': 'Expiry', 'nav.support': 'Support', 'nav.reports': 'Reports',
    'asOf.label': 'Figures as of', 'asOf.today': 'Today', 'asOf.show': 'Show',
    'asOf.hint': 'A date as day/month/year, not after today',
    'asOf.invalid': 'Enter a real date as day/month/year, e.g. 31/12/2024.',
    'asOf.banner': 'Showing the figures as they stood at the end of {date}. Press “Today” to return to the present.',
    'signOut': 'Sign out', 'loading': 'Loading…', 'footer': 'One Commune One Product programme (OCOP)',
    'language': 'Tiếng Việt',
    'signIn.title': 'Sign in', 'signIn.lead': 'OCOP programme dashboard of {province}',
    'signIn.username': 'User name', 'signIn.password': 'Password', 'signIn.submit': 'Sign in',
    'signIn.error.credentials': 'Wrong user name or password.',
    'signIn.error.too-many': 'Too many failed sign-ins; try again in {retry} seconds.',
    'signIn.signed-out': 'Signed out.',
    'signIn.expired': 'The session has ended; please sign in again.',
    'error.title': 'The data could not be loaded', 'error.forbidden': 'This account\u2019s role may not see this page.',
    'error.notFound': 'Not found.',
    'password.title': 'Password change required', 'password.lead': 'This account must change its password before anything else.',
    'password.current': 'Current password', 'password.new': 'New password (at least 12 characters)',
    'password.submit': 'Change password', 'password.done': 'Password changed; sign in again with the new one.',
    'overview.title': 'Programme overview', 'overview.registered': 'Products registered',
    'overview.inForce': 'Products in force', 'overview.keyProducts': 'Key products',
    'overview.provincial': 'Raised to provincial level', 'overview.subjects': 'Producers', 'overview.expiring': 'Expiring within 90 days',
    'overview.byStars': 'Products in force by stars', 'overview.byGroup': 'Products in force by group',
    'overview.legalForms': 'Producers by legal form', 'overview.legalFormTargets': 'Targets: cooperatives ≥ 50%, SMEs ≥ 30%',
    'overview.cooperativeShare': 'Cooperatives: {value}% (target ≥ 50%)', 'overview.enterpriseShare': 'Enterprises: {value}% (target ≥ 30%)',
    'overview.support': 'Support in {year} by source', 'overview.plan': 'Plan progress',
    'overview.noPlan': 'No programme plan adopted yet.', 'overview.activity': 'Recent activity',
    'overview.activityHidden': 'This role does not see the activity log.',
    'stars': '{n} stars', 'count': 'Count',
    'money.allocated': 'Allocated', 'money.committed': 'Committed', 'money.disbursed': 'Disbursed', 'money.remaining': 'Remaining',
    'districts.title': 'By district', 'districts.note': 'District-level units as before 1 July 2025 ({former}).',
    'districts.grid': 'Tile map: darker means more products in force', 'districts.district': 'District',
    'districts.titleUnits': 'By current administrative unit', 'districts.unit': 'Commune-level unit (from 1 July 2025)',
    'districts.noteUnits': 'The commune-level units of {province} from 1 July 2025; earlier records count in the unit that took their commune over (the mapping is not yet officially verified).',
    'districts.splitNote': '* An old commune split among several units: its records count in the unit that kept its code or, if none did, in the one with the lowest code, since the crosswalk does not say which part went where.',
    'districts.switchUnits': 'View by current unit →', 'districts.switchDistricts': 'View by district before 1 July 2025 →',
    'districts.backUnits': '← All units', 'districts.absorbedNote': 'Includes the old communes merged into this unit.',
    'districts.commune': 'Commune', 'districts.communes': 'Communes of {name}', 'districts.back': '← All districts',
    'col.registered': 'Registered', 'col.inForce': 'In force', 'col.subjects': 'Producers', 'col.supported': 'Products supported',
    'col.byStars': '3★ / 4★ / 5★',
    'register.title': 'OCOP product register', 'register.search': 'Search product names (with or without diacritics)',
    'register.district': 'District', 'register.group': 'Group', 'register.stars': 'Stars', 'register.stage': 'Stage',
    'register.certificate': 'Certificate', 'register.any': 'Any', 'register.apply': 'Filter', 'register.results': '{total} products',
    'register.none': 'No product matches.', 'register.previous': '← Previous', 'register.next': 'Next →',
    'register.page': 'Page {page} of {pages}',
    'col.name': 'Product', 'col.group': 'Group', 'col.commune': 'Commune', 'col.stage': 'Stage', 'col.stars': 'Stars',
    'col.expires': 'Expires', 'col.status': 'Status', 'col.decision': 'Decision', 'col.date': 'Date',
    'product.back': '← Register', 'product.certificate': 'Certificate', 'product.noCertificate': 'Not recognised yet.',
    'product.decision': 'Decision {number} of {date}', 'product.expires': 'Valid until {date}',
    'product.sheets': 'Council scoring sheets', 'product.sheetOf': 'Evaluation of {date}, round {round}',
    'product.heldAt': 'Held at {stars} stars (the score reaches {band}) because the marked criteria fall short of a minimum.',
    'product.criterion': 'Criterion', 'product.member': 'M{n}', 'product.councilAnswer': "Council's answer",
    'product.minimumMissed': 'Minimum missed', 'product.minimumOf': '{stars} stars (needs {points} points)',
    'product.points': '{n} points', 'product.summaryPdf': 'Summary (PDF)', 'product.summaryXlsx': 'Summary (XLSX)',
    'product.memberSheet': 'sheet M{n}', 'product.forms': 'Dossier forms:', 'product.form02': 'Mẫu 02 — self-assessment',
    'product.form03': "Mẫu 03 — commune's report",
    'product.evaluations': 'Council evaluations', 'product.noEvaluations': 'No evaluation yet.',
    'product.support': 'Support received', 'product.noSupport': 'No support received.', 'product.timeline': 'Timeline',
    'product.registeredOn': 'Registered on {date}', 'product.score': 'Score', 'product.round': 'Round', 'product.level': 'Level',
    'product.flags.key': 'Key product', 'product.flags.provincial': 'Provincial level', 'product.flags.nominated': 'Nominated for 5 stars',
    'expiry.title': 'Renewals and expiry', 'expiry.due30': 'Expiring within 30 days', 'expiry.due60': 'Within 60 days',
    'expiry.due90': 'Within 90 days', 'expiry.notices': 'Notices due', 'expiry.windows': 'Re-evaluation windows open',
    'expiry.awaiting': 'Awaiting decision', 'expiry.lapsed': 'Lapsed', 'expiry.dueList': 'Expiring soon',
    'expiry.awaitingList': 'Awaiting re-evaluation', 'expiry.notice': 'Notice',
    'support.title': 'State support', 'support.year': 'Fiscal year', 'support.lines': 'Budget lines',
    'support.bySource': 'By funding source', 'support.byKind': 'By kind of support', 'support.grants': 'Grants',
    'support.noLines': 'No budget line for this year.', 'support.noGrants': 'No grant.',
    'support.closed': 'Closed', 'support.open': 'Open', 'col.source': 'Source', 'col.kind': 'Kind', 'col.amount': 'Amount',
    'col.use': 'Use', 'col.product': 'Product',
    'reports.title': 'Reports', 'reports.annual': 'Annual review', 'reports.phase': 'Phase summary', 'reports.year': 'Year',
    'reports.from': 'From', 'reports.to': 'To', 'reports.show': 'Show', 'reports.csv': 'Download CSV', 'reports.xlsx': 'Download Excel (XLSX)',
    'group.1': 'Food', 'group.2': 'Beverages', 'group.3': 'Herbal and medicinal', 'group.4': 'Fabrics, garments, handicrafts',
    'group.5': 'Souvenirs, decoration, ornamental', 'group.6': 'Tourism services',
    'legal.ENTERPRISE': 'Enterprise', 'legal.COOPERATIVE': 'Cooperative', 'legal.COOPERATIVE_GROUP': 'Cooperative group',
    'legal.HOUSEHOLD_BUSINESS': 'Household business',
    'source.CENTRAL_BUDGET': 'Central budget', 'source.PROVINCIAL_BUDGET': 'Provincial budget',
    'source.DISTRICT_BUDGET': 'District budget', 'source.COMMUNE_BUDGET': 'Commune budget', 'source.SOCIALISED': 'Socialised',
    'kind.TRAINING': 'Training', 'kind.PACKAGING_LABEL_STORY': 'Packaging, label, product story', 'kind.BRANDING_IP': 'Branding, IP',
    'kind.QUALITY_CERTIFICATION_TRACEABILITY': 'Quality certification, traceability', 'kind.EQUIPMENT_PRODUCTION_LINE': 'Equipment, production line',
    'kind.TRADE_PROMOTION': 'Trade promotion', 'kind.CREDIT_INTEREST': 'Credit interest', 'kind.STAR_UPGRADE_REWARD': 'Star upgrade reward',
    'stage.IDEA_REGISTERED': 'Idea registered', 'stage.IDEA_RETURNED': 'Idea returned', 'stage.IDEA_ACCEPTED': 'Idea accepted',
    'stage.PLAN_SUBMITTED': 'Plan submitted', 'stage.PLAN_REJECTED': 'Plan rejected', 'stage.PLAN_APPROVED': 'Plan approved',
    'stage.EVALUATED': 'Evaluated', 'stage.RECOGNISED': 'Recognised',
    'cert.VALID': 'Valid', 'cert.AWAITING_RE_EVALUATION': 'Awaiting re-evaluation', 'cert.EXPIRED': 'Expired',
    'cert.REVOKED': 'Revoked', 'cert.IN_FORCE': 'In force', 'cert.EXPIRING': 'Expiring (90 days)',
    'grant.OPEN': 'Open', 'grant.CANCELLED': 'Remainder cancelled', 'grant.CLOSED': 'Closed',
    'level.COMMUNE': 'Commune', 'level.DISTRICT': 'District', 'level.PROVINCE': 'Province', 'level.CENTRAL': 'Central'
  }
};

/* Shared by the sign-in page and the dashboard: the chosen language (Vietnamese unless English was chosen). */
window.OCOP_I18N = (function () {
  const KEY = 'ocop.language';
  function language() {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  }
  function t(key, values) {
    const words = window.OCOP_MESSAGES[language()];
    let text = key in words ? words[key] : key;
    // the province(s) the deployment serves, once /public/deployment has said
    text = text.split('{province}').join(window.OCOP_PROVINCE || '');
    if (values) {
      Object.keys(values).forEach(name => { text = text.split('{' + name + '}').join(String(values[name])); });
    }
    return text;
  }
  function apply(root) {
    document.documentElement.lang = language();
    (root || document).querySelectorAll('[data-i18n]').forEach(element => {
      element.textContent = t(element.dataset.i18n);
    });
    (root || document).querySelectorAll('[data-i18n-aria]').forEach(element => {
      element.setAttribute('aria-label', t(element.dataset.i18nAria));
    });
    const switcher = document.getElementById('language');
    if (switcher) {
      switcher.textContent = t('language');
      switcher.lang = language() === 'vi' ? 'en' : 'vi';
    }
  }
  function toggle() {
    localStorage.setItem(KEY, language() === 'vi' ? 'en' : 'vi');
    apply();
  }
  function cookie(name) {
    const found = document.cookie.split('; ').find(part => part.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
  }
  /**
   * The provinces this deployment serves, read once: the chosen one (the first unless the person chose another)
   * names the pages; a page asks for that province's figures.
   */
  const PROVINCE_KEY = 'ocop.province';
  let deployment = null;
  function provinces() {
    if (!deployment) {
      deployment = fetch('/public/deployment', { headers: { Accept: 'application/json' } })
        .then(response => response.ok ? response.json() : { provinces: [] })
        .catch(() => ({ provinces: [] }))
        .then(body => {
          const served = body.provinces || [];
          const chosen = served.find(one => one.code === sessionStorage.getItem(PROVINCE_KEY)) || served[0];
          window.OCOP_PROVINCE = chosen ? chosen.shortName : '';
          return { served, chosen };
        });
    }
    return deployment;
  }
  function chooseProvince(code) {
    sessionStorage.setItem(PROVINCE_KEY, code);
    deployment = null;
    return provinces();
  }
  return { language, t, apply, toggle, cookie, provinces, chooseProvince };
})();
