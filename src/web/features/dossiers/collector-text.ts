/** Words of the return step's collector record and the counter rating offer (vi first, en second). */

import { useFeatureText } from '../../lib/i18n/feature-text';

const vi = {
  'collector.legend': 'Người nhận kết quả',
  'collector.applicant': 'Người nộp hồ sơ nhận',
  'collector.applicantHint': '{name} · số định danh {id}: đối chiếu với giấy tờ tùy thân.',
  'collector.authorised': 'Người được ủy quyền nhận',
  'collector.fullName': 'Họ và tên người được ủy quyền',
  'collector.idNumber': 'Số CCCD của người được ủy quyền',
  'collector.idNumberHint': '12 chữ số, ghi trên thẻ căn cước.',
  'collector.authorisation': 'Giấy ủy quyền hoặc quan hệ với người nộp hồ sơ',
  'collector.authorisationHint': 'Ví dụ: Giấy ủy quyền có chứng thực số 15, ngày 01/12/2026; hoặc: vợ của người nộp hồ sơ (xuất trình giấy tờ chứng minh).',
  'collector.chooseKind': 'Hãy chọn ai nhận kết quả.',
  'collector.idNumberFormat': 'Số CCCD của người được ủy quyền gồm 12 chữ số.',
  'collector.required': 'Vui lòng nhập trường này.',
  'collector.fix': 'Vui lòng kiểm tra thông tin người nhận kết quả.',
  'collector.record': 'Người nhận kết quả',
  'collector.kind.applicant': 'người nộp hồ sơ',
  'collector.kind.authorised': 'người được ủy quyền',
  'collector.idLabel': 'CCCD',
  'collector.byLine': 'nhận: {name}',
  'rating.offer.title': 'Đánh giá tại quầy',
  'rating.offer.text': 'Mời người vừa nhận kết quả đánh giá mức độ hài lòng ngay trên màn hình của quầy (mỗi hồ sơ một lần).',
  'rating.offer.open': 'Mở màn hình đánh giá',
};
type Key = keyof typeof vi;

const en: Record<Key, string> = {
  'collector.legend': 'Who collects the result',
  'collector.applicant': 'The applicant collects it',
  'collector.applicantHint': '{name} · ID number {id}: check it against the identity document.',
  'collector.authorised': 'An authorised person collects it',
  'collector.fullName': 'Full name of the authorised person',
  'collector.idNumber': 'ID card (CCCD) number of the authorised person',
  'collector.idNumberHint': '12 digits, as on the ID card.',
  'collector.authorisation': 'Authorisation document or relationship to the applicant',
  'collector.authorisationHint': 'E.g. certified authorisation no. 15 of 01/12/2026; or: the applicant’s wife (proof shown).',
  'collector.chooseKind': 'Choose who collects the result.',
  'collector.idNumberFormat': 'The authorised person’s ID card (CCCD) number has 12 digits.',
  'collector.required': 'Please fill in this field.',
  'collector.fix': 'Please check the details of the person collecting the result.',
  'collector.record': 'Result collected by',
  'collector.kind.applicant': 'the applicant',
  'collector.kind.authorised': 'authorised person',
  'collector.idLabel': 'ID',
  'collector.byLine': 'collected by {name}',
  'rating.offer.title': 'Rating at the counter',
  'rating.offer.text': 'Invite the person who has just collected the result to rate the service on the counter screen (once per dossier).',
  'rating.offer.open': 'Open the rating screen',
};

/** The feature's words with `tc(key, params)` (the shared `useFeatureText`). */
export function useCollectorText() {
  const { tx, ...i18n } = useFeatureText(vi, en);
  return { ...i18n, tc: tx };
}
