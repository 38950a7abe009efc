/** Vietnamese messages of the pickers and the dossier lists (merged into vi.ts). */
export const viPickers = {
  'picker.failed': 'Không tải được danh sách; hãy thử lại.',
  'picker.agencyHint': 'Gõ tên hoặc mã cơ quan, có dấu hoặc không dấu; chỉ cơ quan trong phạm vi của bạn.',
  'picker.procedure': 'Thủ tục',
  'picker.procedureHint':
    'Gõ tên thủ tục, có dấu hoặc không dấu (ví dụ "khai sinh"); thủ tục bộ phận của bạn tiếp nhận nhiều nhất trong {days} ngày qua hiện trước.',
  'picker.procedureHintCitizen': 'Gõ tên thủ tục, có dấu hoặc không dấu (ví dụ "khai sinh"); thủ tục bạn đã nộp hiện trước.',
  'picker.procedureUses': '{count} hồ sơ',
  'picker.assignee': 'Cán bộ được phân công',
  'picker.forwardTo': 'Người nhận hồ sơ',
  'picker.assigneeHint': 'Gõ tên để tìm, có dấu hoặc không dấu; chỉ cán bộ của cơ quan đang giải quyết hồ sơ.',
  'picker.assigneeRequired': 'Hãy chọn cán bộ trong danh sách.',
  'nav.dossierReturned': 'Đã trả kết quả',
  'nav.dossierSearch': 'Tìm hồ sơ',
  'list.returned': 'Đã trả kết quả',
  'list.returnedIntro': 'Hồ sơ đã trả kết quả cho người nộp, mới trả trước. Chọn khoảng ngày trả.',
  'list.search': 'Tìm hồ sơ',
  'list.searchIntro':
    'Tìm trong các cơ quan của bạn theo mã hồ sơ, họ tên người nộp (có dấu hoặc không dấu) hoặc số định danh. Không cần số điện thoại của người nộp.',
  'list.searchLabel': 'Mã hồ sơ, họ tên hoặc số định danh',
  'list.searchPrompt': 'Nhập mã hồ sơ, họ tên hoặc số định danh để tìm.',
  'list.from': 'Trả từ ngày',
  'list.to': 'Đến ngày',
  'list.filter': 'Lọc',
  'list.returnedAt': 'Ngày trả',
} as const;
