-- Lĩnh vực: the sector catalogue procedures belong to (reference data, needed before any import).
-- Codes are the platform's own stable identifiers; names follow the National TTHC Database.
INSERT INTO "procedure_field" ("code", "name") VALUES
  ('HO_TICH', 'Hộ tịch'),
  ('LY_LICH_TU_PHAP', 'Lý lịch tư pháp'),
  ('CHUNG_THUC', 'Chứng thực'),
  ('CONG_CHUNG', 'Công chứng'),
  ('NUOI_CON_NUOI', 'Nuôi con nuôi'),
  ('HOAT_DONG_XAY_DUNG', 'Hoạt động xây dựng'),
  ('QUY_HOACH_KIEN_TRUC', 'Quy hoạch, kiến trúc'),
  ('DAT_DAI', 'Đất đai'),
  ('MOI_TRUONG', 'Môi trường'),
  ('TAI_NGUYEN_NUOC', 'Tài nguyên nước'),
  ('THI_DUA_KHEN_THUONG', 'Thi đua, khen thưởng'),
  ('CONG_CHUC_VIEN_CHUC', 'Công chức, viên chức'),
  ('TIN_NGUONG_TON_GIAO', 'Tín ngưỡng, tôn giáo'),
  ('THANH_LAP_HOAT_DONG_DOANH_NGHIEP', 'Thành lập và hoạt động của doanh nghiệp'),
  ('BAO_TRO_XA_HOI', 'Bảo trợ xã hội'),
  ('NGUOI_CO_CONG', 'Người có công'),
  ('Y_TE', 'Y tế'),
  ('GIAO_DUC', 'Giáo dục và đào tạo'),
  ('GIAO_THONG', 'Đường bộ')
ON CONFLICT ("code") DO NOTHING;
