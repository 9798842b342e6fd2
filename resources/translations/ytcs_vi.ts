<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
    <context>
        <name>AccountsDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Accounts and computers</source>
            <translation>Tài khoản và máy tính</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Asking the centre server…</source>
            <translation>Đang hỏi máy chủ Trung tâm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Account</source>
            <translation>Tài khoản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Role</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Station</source>
            <translation>Trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Active</source>
            <translation>Đang dùng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Computer</source>
            <translation>Máy tính</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Last sync</source>
            <translation>Đồng bộ lần cuối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Clock</source>
            <translation>Đồng hồ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Revoked</source>
            <translation>Đã thu hồi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>&amp;Accounts</source>
            <translation>&amp;Tài khoản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>&amp;Computers</source>
            <translation>&amp;Máy tính</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>New accounts are made on the server&apos;s computer: ytcs centre add-user NAME --role station --station CODE --password-stdin</source>
            <translation>Tài khoản mới được tạo trên máy chủ: ytcs centre add-user TÊN --role station --station MÃ_TRẠM --password-stdin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>The centre server could not be reached: %1</source>
            <translation>Không kết nối được máy chủ Trung tâm: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>This computer is not signed in to a centre server.</source>
            <translation>Máy này chưa đăng nhập vào máy chủ Trung tâm.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>%1 accounts, %2 computers.</source>
            <translation>%1 tài khoản, %2 máy tính.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>suspect</source>
            <translation>sai giờ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="50" />
            <source>ok</source>
            <translation>đúng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Sign-in locked until</source>
            <translation>Khoá đăng nhập đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>&amp;Disable</source>
            <translation>&amp;Khoá tài khoản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>&amp;Enable</source>
            <translation>Mở &amp;khoá tài khoản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>&amp;Reset password…</source>
            <translation>Đặt &amp;lại mật khẩu…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Re&amp;voke…</source>
            <translation>Thu &amp;hồi…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Change &amp;my password…</source>
            <translation>Đổi mật khẩu &amp;của tôi…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Account %1 enabled: it can sign in again and its computers sync again.</source>
            <translation>Đã mở khoá tài khoản %1: tài khoản đăng nhập được và các máy của tài khoản đồng bộ lại.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Account %1 disabled: it cannot sign in and its computers stop syncing.</source>
            <translation>Đã khoá tài khoản %1: tài khoản không đăng nhập được và các máy của tài khoản ngừng đồng bộ.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Your password was changed.</source>
            <translation>Đã đổi mật khẩu của bạn.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>New password set for %1: tell them, and ask them to change it.</source>
            <translation>Đã đặt mật khẩu mới cho %1: hãy báo cho người đó và nhắc họ đổi mật khẩu.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Revoke computer %1? It stops syncing until someone signs in on it again.</source>
            <translation>Thu hồi quyền của máy %1? Máy sẽ ngừng đồng bộ cho đến khi có người đăng nhập lại trên máy đó.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Revoke</source>
            <translation>Thu hồi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Keep</source>
            <translation>Giữ lại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/accounts.py" line="1" />
            <source>Computer %1 revoked.</source>
            <translation>Đã thu hồi quyền của máy %1.</translation>
        </message>
    </context>
    <context>
        <name>AttendeeDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="1" />
            <source>…or a village health worker…</source>
            <translation>…hoặc một nhân viên y tế thôn/ấp…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="1" />
            <source>Village health worker</source>
            <translation>Nhân viên y tế thôn/ấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="56" />
            <source>Add an attendee</source>
            <translation>Thêm người tham dự</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="58" />
            <source>A staff member…</source>
            <translation>Một nhân viên…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="59" />
            <source>Staff member</source>
            <translation>Nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="61" />
            <source>…or the name of a village health worker</source>
            <translation>…hoặc tên nhân viên y tế thôn, bản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="62" />
            <source>Other person</source>
            <translation>Người khác</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="64" />
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="66" />
            <source>Certificate no.</source>
            <translation>Số chứng nhận</translation>
        </message>
    </context>
    <context>
        <name>CloseVialDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="104" />
            <source>Close a vial</source>
            <translation>Đóng lọ vắc xin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="110" />
            <source>Doses given</source>
            <translation>Số liều đã tiêm</translation>
        </message>
    </context>
    <context>
        <name>ColdChainPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="48" />
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="50" />
            <source>Fridge</source>
            <translation>Tủ lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="52" />
            <source>Record a reading (morning and afternoon, every day)</source>
            <translation>Ghi nhiệt độ (sáng và chiều, hằng ngày)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="59" />
            <source>Freeze indicator alarm</source>
            <translation>Chỉ thị đông băng báo động</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="60" />
            <source>&amp;Record</source>
            <translation>Ghi &amp;vào sổ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="61" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="61" />
            <source>Time of day</source>
            <translation>Buổi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="62" />
            <source>Temperature</source>
            <translation>Nhiệt độ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="80" />
            <source>Quarantined lots</source>
            <translation>Lô đang cách ly</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="83" />
            <source>Release…</source>
            <translation>Cho dùng lại…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="84" />
            <source>Dispose…</source>
            <translation>Hủy…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="87" />
            <source>Open vials</source>
            <translation>Lọ đang mở</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="90" />
            <source>&amp;Open a vial…</source>
            <translation>&amp;Mở lọ vắc xin…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="91" />
            <source>Close the vial…</source>
            <translation>Đóng &amp;lọ…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="111" />
            <source>Vaccines &amp; cold chain</source>
            <translation>Vắc xin &amp; dây chuyền lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="130" />
            <source>No fridge yet: add one to record temperatures.</source>
            <translation>Chưa có tủ lạnh: hãy thêm tủ để ghi nhiệt độ.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="143" />
            <source>%1 — month %2: %3 readings, %4 outside +2…+8 °C</source>
            <translation>%1 — tháng %2: %3 lần đo, %4 lần ngoài khoảng +2…+8 °C</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="149" />
            <source>%1 not sent to the centre yet</source>
            <translation>%1 số đo chưa gửi Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="151" />
            <source>%1 refused by the centre (point at them for the reason)</source>
            <translation>%1 số đo bị Trung tâm từ chối (trỏ chuột vào điểm để xem lý do)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="182" />
            <source>Outside +2…+8 °C: %1 vaccine lot(s) put in quarantine. Do not use them until checked; then release or dispose of them below.</source>
            <translation>Ngoài khoảng +2…+8 °C: %1 lô vắc xin đã được cách ly. Không sử dụng cho đến khi kiểm tra; sau đó cho dùng lại hoặc hủy ở bảng bên dưới.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="186" />
            <source>Reading saved.</source>
            <translation>Đã lưu kết quả đo.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="1" />
            <source>&amp;Add a fridge…</source>
            <translation>Thêm &amp;tủ lạnh…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="1" />
            <source>&amp;Correct a reading…</source>
            <translation>&amp;Sửa số đo…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="1" />
            <source>A wrong reading is corrected with the reason; the original is kept</source>
            <translation>Số đo sai được sửa kèm lý do; số đo gốc vẫn được giữ lại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="1" />
            <source>Reading corrected. The %1 lot(s) put in quarantine by the wrong value stay held: check them, then release them below.</source>
            <translation>Đã sửa số đo. %1 lô vắc xin bị cách ly vì số đo sai vẫn đang bị giữ: hãy kiểm tra rồi cho sử dụng lại ở bảng bên dưới.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/coldchain.py" line="1" />
            <source>Reading corrected; the original is kept in its history.</source>
            <translation>Đã sửa số đo; số đo gốc vẫn được giữ trong lịch sử.</translation>
        </message>
    </context>
    <context>
        <name>Columns</name>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Scope of practice</source>
            <translation>Phạm vi hành nghề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Goal</source>
            <translation>Mục tiêu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Report</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Period</source>
            <translation>Kỳ báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Sent by</source>
            <translation>Người gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Correction / centre's comment</source>
            <translation>Nội dung sửa / ý kiến Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Deadline</source>
            <translation>Hạn nộp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Days overdue</source>
            <translation>Số ngày quá hạn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="1" />
            <source>Reports missing</source>
            <translation>Báo cáo chưa gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="1" />
            <source>Reports sent late</source>
            <translation>Báo cáo gửi trễ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Direction</source>
            <translation>Chiều</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Cases</source>
            <translation>Số ca</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Warnings</source>
            <translation>Cảnh báo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Patient ref.</source>
            <translation>Mã người bệnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>What the team did</source>
            <translation>Kết quả xử lý của đoàn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Technique</source>
            <translation>Kỹ thuật</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Specialty</source>
            <translation>Chuyên khoa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Stage</source>
            <translation>Giai đoạn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Transferred by</source>
            <translation>Khoa chuyển giao</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Trainings and visits</source>
            <translation>Tập huấn, luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Hamlet</source>
            <translation>Thôn, ấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Year of birth</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Trainings attended</source>
            <translation>Số buổi tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/outreach.py" line="1" />
            <source>Last training</source>
            <translation>Lần tập huấn gần nhất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Activity</source>
            <translation>Hoạt động</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Target</source>
            <translation>Chỉ tiêu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Done</source>
            <translation>Đã thực hiện</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Cost estimate (VND)</source>
            <translation>Dự trù kinh phí (đồng)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Q1</source>
            <translation>Quý I</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Q2</source>
            <translation>Quý II</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Q3</source>
            <translation>Quý III</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Q4</source>
            <translation>Quý IV</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Indicator</source>
            <translation>Chỉ số chuyên môn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>How it is measured</source>
            <translation>Phương thức đánh giá</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Time</source>
            <translation>Giờ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Place or link</source>
            <translation>Địa điểm / đường dẫn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Experts</source>
            <translation>Chuyên gia</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Cases and conclusions</source>
            <translation>Ca bệnh và kết luận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Department</source>
            <translation>Khoa/phòng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Proposed training</source>
            <translation>Nội dung đề xuất tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Expected time</source>
            <translation>Thời gian dự kiến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Audience</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Planned head count</source>
            <translation>Số người dự kiến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Sessions held</source>
            <translation>Số buổi đã tổ chức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Trained</source>
            <translation>Đã tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Summary</source>
            <translation>Trích yếu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Forms guided</source>
            <translation>Số biểu mẫu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Quarter</source>
            <translation>Quý</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Support</source>
            <translation>Loại hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Ratings</source>
            <translation>Số lượt đánh giá</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Average (1–5)</source>
            <translation>Điểm trung bình (1–5)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Comments</source>
            <translation>Ý kiến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/programme.py" line="1" />
            <source>Rating</source>
            <translation>Điểm đánh giá</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="47" />
            <source>Yes</source>
            <translation>Có</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="48" />
            <source>No</source>
            <translation>Không</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="52" />
            <source>Patient</source>
            <translation>Người bệnh</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="53" />
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/outreach.py" line="67" />
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="54" />
            <source>ICD-10</source>
            <translation>ICD-10</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="55" />
            <source>Referred to</source>
            <translation>Nơi chuyển đến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="60" />
            <source>Advice from the centre</source>
            <translation>Hướng dẫn của tuyến trên</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="61" />
            <source>Needed</source>
            <translation>Cần thiết</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="89" />
            <source>Supervision team</source>
            <translation>Đoàn giám sát</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="90" />
            <source>Scores by area</source>
            <translation>Điểm theo lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="112" />
            <source>Due</source>
            <translation>Hạn</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="113" />
            <source>Area</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="115" />
            <source>Finding</source>
            <translation>Tồn tại</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="116" />
            <source>Corrective action</source>
            <translation>Biện pháp khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="117" />
            <source>Responsible</source>
            <translation>Người chịu trách nhiệm</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="120" />
            <source>Progress</source>
            <translation>Tiến độ</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/models/referrals.py" line="121" />
            <source>Evidence</source>
            <translation>Minh chứng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="80" />
            <source>How many</source>
            <translation>Số bản ghi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="80" />
            <source>Records</source>
            <translation>Bản ghi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="80" />
            <source>What the centre decided</source>
            <translation>Trung tâm quyết định</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="80" />
            <source>What you can do</source>
            <translation>Bạn có thể làm gì</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/base.py" line="311" />
            <source>Refused by the centre: %1</source>
            <translation>Trung tâm không chấp nhận: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/base.py" line="378" />
            <source>Not sent yet</source>
            <translation>Chưa gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/base.py" line="379" />
            <source>Sent</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/base.py" line="380" />
            <source>Refused</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/base.py" line="381" />
            <source>Conflict</source>
            <translation>Xung đột</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/base.py" line="390" />
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="91" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="170" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="64" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="103" />
            <source>Code</source>
            <translation>Mã</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="32" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="72" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="171" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="208" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="65" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="104" />
            <source>Item</source>
            <translation>Mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="25" />
            <source>Draft</source>
            <translation>Nháp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="25" />
            <source>Submitted</source>
            <translation>Đã gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="26" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="176" />
            <source>Approved</source>
            <translation>Đã duyệt</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="26" />
            <source>Rejected</source>
            <translation>Bị từ chối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="27" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="207" />
            <source>Shipped</source>
            <translation>Đã xuất cấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="27" />
            <source>Cancelled</source>
            <translation>Đã hủy</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="28" />
            <source>Received</source>
            <translation>Đã nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="36" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="122" />
            <location filename="../../ytcs_desktop/ui/models/support.py" line="33" />
            <source>Number</source>
            <translation>Số phiếu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="37" />
            <source>Count date</source>
            <translation>Ngày kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="147" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="38" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="126" />
            <location filename="../../ytcs_desktop/ui/models/people.py" line="40" />
            <location filename="../../ytcs_desktop/ui/models/support.py" line="39" />
            <source>Status</source>
            <translation>Trạng thái</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="39" />
            <source>Team</source>
            <translation>Tổ kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="73" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="172" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="212" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="66" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="108" />
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="76" />
            <source>Book quantity</source>
            <translation>Số sổ sách</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="77" />
            <source>Counted</source>
            <translation>Thực tế</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="78" />
            <source>Variance</source>
            <translation>Chênh lệch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="80" />
            <source>Reason for the difference</source>
            <translation>Lý do chênh lệch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="90" />
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="144" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="123" />
            <location filename="../../ytcs_desktop/ui/models/support.py" line="44" />
            <source>Station</source>
            <translation>Trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="92" />
            <source>Last sync</source>
            <translation>Đồng bộ cuối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="93" />
            <source>Clock suspect</source>
            <translation>Đồng hồ sai</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="94" />
            <source>Last stock movement</source>
            <translation>Phát sinh kho cuối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="95" />
            <source>Open requests</source>
            <translation>YC đang mở</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="96" />
            <source>Stock-outs</source>
            <translation>Hết hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="97" />
            <source>Below minimum</source>
            <translation>Dưới tối thiểu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="98" />
            <source>Missing readings (7 days)</source>
            <translation>Thiếu đo (7 ngày)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="99" />
            <source>Quarantined lots</source>
            <translation>Lô cách ly</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="140" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="124" />
            <location filename="../../ytcs_desktop/ui/models/people.py" line="31" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="141" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="125" />
            <location filename="../../ytcs_desktop/ui/models/people.py" line="32" />
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="142" />
            <source>Staff member</source>
            <translation>Nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="146" />
            <source>Purpose</source>
            <translation>Mục đích</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/centre.py" line="149" />
            <source>Patients seen</source>
            <translation>Số lượt khám</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="127" />
            <source>Centre note</source>
            <translation>Ghi chú của Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="35" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="173" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="67" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="107" />
            <source>On hand</source>
            <translation>Tồn kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="174" />
            <source>Average monthly use</source>
            <translation>Sử dụng bình quân/tháng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="175" />
            <source>Requested</source>
            <translation>Dự trù</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="211" />
            <source>Quantity shipped</source>
            <translation>Số lượng cấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="68" />
            <source>Minimum</source>
            <translation>Tối thiểu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="69" />
            <source>Maximum</source>
            <translation>Tối đa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="71" />
            <source>Nearest expiry</source>
            <translation>Hạn dùng gần nhất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="33" />
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="55" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="74" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="209" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="105" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="147" />
            <source>Lot</source>
            <translation>Lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="34" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="75" />
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="210" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="106" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="148" />
            <source>Expiry</source>
            <translation>Hạn dùng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="36" />
            <source>Fridge</source>
            <translation>Tủ lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="37" />
            <source>Cause</source>
            <translation>Nguyên nhân</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="39" />
            <source>Since</source>
            <translation>Từ lúc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="54" />
            <source>Vaccine</source>
            <translation>Vắc xin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="56" />
            <source>Opened</source>
            <translation>Mở lúc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="57" />
            <source>Discard at</source>
            <translation>Hủy lúc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="58" />
            <source>Session</source>
            <translation>Buổi tiêm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/coldchain.py" line="59" />
            <source>Doses</source>
            <translation>Số liều</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="109" />
            <source>State</source>
            <translation>Tình trạng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="144" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="206" />
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="145" />
            <source>Document</source>
            <translation>Số chứng từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="146" />
            <source>Movement</source>
            <translation>Nghiệp vụ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="149" />
            <source>Description</source>
            <translation>Diễn giải</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="150" />
            <source>In</source>
            <translation>Nhập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="151" />
            <source>Out</source>
            <translation>Xuất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="152" />
            <source>Balance</source>
            <translation>Tồn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="33" />
            <source>Topic</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="34" />
            <source>Programme</source>
            <translation>Chương trình</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="36" />
            <source>Organiser</source>
            <translation>Đơn vị tổ chức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="37" />
            <location filename="../../ytcs_desktop/ui/models/people.py" line="60" />
            <source>Periods</source>
            <translation>Số tiết</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="38" />
            <source>Format</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="56" />
            <location filename="../../ytcs_desktop/ui/models/people.py" line="90" />
            <location filename="../../ytcs_desktop/ui/models/people.py" line="108" />
            <source>Name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="36" />
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="57" />
            <location filename="../../ytcs_desktop/ui/models/people.py" line="91" />
            <source>Job title</source>
            <translation>Chức danh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="58" />
            <source>Result</source>
            <translation>Kết quả</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="61" />
            <source>Certificate</source>
            <translation>Chứng nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="93" />
            <source>Practising licence</source>
            <translation>Chứng chỉ hành nghề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="94" />
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="95" />
            <source>Active</source>
            <translation>Đang làm việc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="109" />
            <source>Periods in 5 years</source>
            <translation>Số tiết trong 5 năm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="110" />
            <source>Required</source>
            <translation>Yêu cầu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/people.py" line="111" />
            <source>Still needed</source>
            <translation>Còn thiếu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="34" />
            <source>Created</source>
            <translation>Ngày tạo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="35" />
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="37" />
            <source>Urgency</source>
            <translation>Mức độ khẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="70" />
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="90" />
            <source>When</source>
            <translation>Thời gian</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="71" />
            <source>Who</source>
            <translation>Người thực hiện</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="73" />
            <source>What</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="74" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/support.py" line="87" />
            <source>Comment</source>
            <translation>Bình luận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="78" />
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="91" />
            <source>Record kind</source>
            <translation>Loại hồ sơ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="79" />
            <source>Record</source>
            <translation>Hồ sơ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="80" />
            <source>Centre's reason</source>
            <translation>Lý do của Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="92" />
            <source>Field</source>
            <translation>Trường</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="93" />
            <source>Value not kept</source>
            <translation>Giá trị không được giữ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/sync_info.py" line="94" />
            <source>Value kept</source>
            <translation>Giá trị được giữ</translation>
        </message>
        <message>
            <source>Made</source>
            <translation>Ngày tạo</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Kích thước</translation>
        </message>
        <message>
            <source>Data of</source>
            <translation>Dữ liệu của</translation>
        </message>
        <message>
            <source>Stock transactions</source>
            <translation>Giao dịch kho</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Thay đổi cuối</translation>
        </message>
        <message>
            <source>Folder</source>
            <translation>Thư mục</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/documents.py" line="1" />
            <source>Place</source>
            <translation>Nơi để</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/audit.py" line="24" />
            <source>Computer</source>
            <translation>Máy</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/audit.py" line="25" />
            <source>Action</source>
            <translation>Thao tác</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/audit.py" line="26" />
            <source>Changes</source>
            <translation>Thay đổi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/staffing.py" line="28" />
            <source>Staff</source>
            <translation>Số nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/staffing.py" line="29" />
            <source>Doctor</source>
            <translation>Bác sĩ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/staffing.py" line="30" />
            <source>By job title</source>
            <translation>Theo chức danh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/staffing.py" line="31" />
            <source>Nobody as</source>
            <translation>Chưa có</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/staffing.py" line="32" />
            <source>No licence no.</source>
            <translation>Chưa có số CCHN</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/staffing.py" line="33" />
            <source>Licence and CME warnings</source>
            <translation>Cảnh báo chứng chỉ hành nghề, đào tạo liên tục</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/figure_records.py" line="1" />
            <source>Counts for</source>
            <translation>Tính vào số liệu</translation>
        </message>
    </context>
    <context>
        <name>ConfirmReceiptDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="22" />
            <source>Confirm a receipt</source>
            <translation>Xác nhận nhập kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="31" />
            <source>Quantity received</source>
            <translation>Số lượng thực nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="33" />
            <source>Date received</source>
            <translation>Ngày nhập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="35" />
            <source>Missing, broken, damaged… (when the quantity differs)</source>
            <translation>Thiếu, vỡ, hỏng… (khi số lượng khác)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="36" />
            <source>Difference</source>
            <translation>Chênh lệch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="38" />
            <source>(not a vaccine)</source>
            <translation>(không phải vắc xin)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="40" />
            <source>VVM stage %1</source>
            <translation>VVM giai đoạn %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="41" />
            <source>VVM at receipt</source>
            <translation>VVM khi nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="44" />
            <source>Temperature at receipt</source>
            <translation>Nhiệt độ khi nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="45" />
            <source>Confirm</source>
            <translation>Xác nhận</translation>
        </message>
    </context>
    <context>
        <name>CountWizard</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="34" />
            <source>Stock count</source>
            <translation>Kiểm kê kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="38" />
            <source>Next &gt;</source>
            <translation>Tiếp &gt;</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="39" />
            <source>&lt; Back</source>
            <translation>&lt; Quay lại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="40" />
            <source>Approve the count</source>
            <translation>Duyệt kết quả kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="41" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>CountsTab</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_counts.py" line="21" />
            <source>&amp;New stock count…</source>
            <translation>Kiểm kê &amp;mới…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_counts.py" line="22" />
            <source>C&amp;ontinue this count…</source>
            <translation>&amp;Tiếp tục kiểm kê này…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_counts.py" line="35" />
            <source>Stock counts</source>
            <translation>Kiểm kê</translation>
        </message>
    </context>
    <context>
        <name>DisposeDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="130" />
            <source>Dispose of stock</source>
            <translation>Hủy thuốc, vật tư</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="133" />
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="135" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="137" />
            <source>Minutes no.</source>
            <translation>Số biên bản</translation>
        </message>
    </context>
    <context>
        <name>Enrolment</name>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="56" />
            <source>Joined the centre</source>
            <translation>Đã tham gia Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="60" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Password again</source>
            <translation>Nhập lại mật khẩu</translation>
        </message>
        <message>
            <source>Your user name</source>
            <translation>Tên đăng nhập của bạn</translation>
        </message>
        <message>
            <source>Choose a password</source>
            <translation>Chọn mật khẩu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="55" />
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="58" />
            <source>Welcome to YTCS Desktop</source>
            <translation>Chào mừng đến với YTCS Desktop</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="61" />
            <source>Set up this computer once. You can work offline and connect to the centre later.</source>
            <translation>Thiết lập máy tính này một lần. Bạn có thể làm việc ngoại tuyến và kết nối với Trung tâm sau.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="72" />
            <source>Language</source>
            <translation>Ngôn ngữ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="77" />
            <source>Health station</source>
            <translation>Trạm Y tế</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="78" />
            <source>Health centre</source>
            <translation>Trung tâm Y tế</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="86" />
            <source>This computer is at</source>
            <translation>Máy tính này đặt tại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="90" />
            <source>Centre server address</source>
            <translation>Địa chỉ máy chủ Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="91" />
            <source>Work offline for now</source>
            <translation>Làm việc ngoại tuyến (kết nối sau)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="94" />
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="97" />
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="100" />
            <source>Your full name</source>
            <translation>Họ và tên của bạn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="103" />
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="146" />
            <source>Station code</source>
            <translation>Mã trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="106" />
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="147" />
            <source>Station name</source>
            <translation>Tên trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="116" />
            <source>Cancel</source>
            <translation>Hủy bỏ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="124" />
            <source>Start</source>
            <translation>Bắt đầu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="126" />
            <source>Open the demo data</source>
            <translation>Mở dữ liệu mẫu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="127" />
            <source>Quit</source>
            <translation>Thoát</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="146" />
            <source>Centre code</source>
            <translation>Mã trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="147" />
            <source>Centre name</source>
            <translation>Tên trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="165" />
            <source>Building the demo data: a year of a station's work, about half a minute…</source>
            <translation>Đang tạo dữ liệu mẫu: một năm làm việc của trạm, khoảng nửa phút…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="172" />
            <source>Preparing the data…</source>
            <translation>Đang chuẩn bị dữ liệu…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="182" />
            <source>Building the demo data: month %1 of %2…</source>
            <translation>Đang tạo dữ liệu mẫu: tháng %1/%2…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="185" />
            <source>Building the demo data: finishing…</source>
            <translation>Đang tạo dữ liệu mẫu: sắp xong…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/first_run.py" line="189" />
            <source>Stopping…</source>
            <translation>Đang dừng…</translation>
        </message>
    </context>
    <context>
        <name>FridgeDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="29" />
            <source>Add a fridge</source>
            <translation>Thêm tủ lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="31" />
            <source>Name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="33" />
            <source>Model</source>
            <translation>Model</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="35" />
            <source>Location</source>
            <translation>Vị trí</translation>
        </message>
    </context>
    <context>
        <name>InboxPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_inbox.py" line="17" />
            <source>Request inbox</source>
            <translation>Hộp yêu cầu</translation>
        </message>
    </context>
    <context>
        <name>IssueDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="28" />
            <source>Issue for use</source>
            <translation>Xuất sử dụng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="29" />
            <source>Type part of the name or code</source>
            <translation>Gõ một phần tên hoặc mã</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="30" />
            <source>Item</source>
            <translation>Mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="32" />
            <source>Quantity</source>
            <translation>Số lượng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="34" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="35" />
            <source>Choose an item and a quantity to see which lots to take.</source>
            <translation>Chọn mặt hàng và số lượng để xem nên lấy từ lô nào.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="41" />
            <source>Lot</source>
            <translation>Lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="43" />
            <source>Only when not taking the first-expiring lot</source>
            <translation>Chỉ khi không lấy lô hết hạn trước</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="44" />
            <source>Reason for another lot</source>
            <translation>Lý do chọn lô khác</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="46" />
            <source>Issued to</source>
            <translation>Xuất cho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="48" />
            <source>Document no.</source>
            <translation>Số chứng từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="72" />
            <source>First expiry first (automatic)</source>
            <translation>Hết hạn trước, xuất trước (tự động)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="74" />
            <source>Lot %1 — expiry %2 — %3 available</source>
            <translation>Lô %1 — HSD %2 — còn %3 có thể xuất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="88" />
            <source>%1 available to issue.</source>
            <translation>Có thể xuất %1.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="97" />
            <source>Take %1 from lot %2 (expiry %3)</source>
            <translation>Lấy %1 từ lô %2 (HSD %3)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="100" />
            <source>Only %1 available: lower the quantity.</source>
            <translation>Chỉ còn %1 có thể xuất: hãy giảm số lượng.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/issue.py" line="101" />
            <source>Nothing of this item may be issued.</source>
            <translation>Mặt hàng này hiện không có lô nào được phép xuất.</translation>
        </message>
    </context>
    <context>
        <name>Launcher</name>
        <message>
            <location filename="../../ytcs_desktop/ui/launcher.py" line="58" />
            <source>The data on this computer could not be opened: %1

File: %2</source>
            <translation>Không mở được dữ liệu trên máy này: %1

Tệp: %2</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/launcher.py" line="60" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/launcher.py" line="109" />
            <source>Stopped: the demo data was not made, nothing was saved.</source>
            <translation>Đã dừng: dữ liệu mẫu không được tạo, không có gì được lưu.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/launcher.py" line="114" />
            <source>Could not set up: %1</source>
            <translation>Không thiết lập được: %1</translation>
        </message>
    </context>
    <context>
        <name>LinesPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="109" />
            <source>2. Enter what was counted</source>
            <translation>2. Nhập số lượng thực tế</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="110" />
            <source>Type the counted quantity of each lot (F2 or double-click). A difference needs a reason.</source>
            <translation>Nhập số lượng đếm được của từng lô (F2 hoặc nhấp đúp). Có chênh lệch thì phải ghi lý do.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="122" />
            <source>Save the counted quantities</source>
            <translation>Lưu số lượng thực tế</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>Search by item, code, lot or place (accents not needed)</source>
            <translation>Tìm theo mặt hàng, mã, lô hoặc nơi để (gõ không dấu cũng được)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>All lines</source>
            <translation>Tất cả các dòng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>Not counted yet</source>
            <translation>Chưa đếm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>With a difference</source>
            <translation>Có chênh lệch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>&lt;b&gt;%1&lt;/b&gt; · lot %2 · expiry %3 · book %4 %5</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; · lô %2 · hạn dùng %3 · sổ sách %4 %5</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>%1 of %2 lots counted</source>
            <translation>%1/%2 lô đã đếm</translation>
        </message>
    </context>
    <context>
        <name>LotDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="92" />
            <source>%1 — lot %2, expiry %3, on hand %4 %5</source>
            <translation>%1 — lô %2, HSD %3, tồn %4 %5</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="102" />
            <source>Quantity</source>
            <translation>Số lượng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="104" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
    <message>
        <source>Open the stock card</source>
        <translation>Mở thẻ kho</translation>
    </message>
    <message>
        <source>Open the stock</source>
        <translation>Xem tồn kho</translation>
    </message>
        <message>
            <source>&amp;Accounts on this computer…</source>
            <translation>Tài khoản đăn&amp;g nhập trên máy này…</translation>
        </message>
        <message>
            <source>S&amp;witch user…</source>
            <translation>Đổi người &amp;dùng…</translation>
        </message>
        <message>
            <source>Loc&amp;k</source>
            <translation>&amp;Khóa máy</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>Đăng &amp;xuất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="203" />
            <source>Sync by &amp;USB drive…</source>
            <translation>Đồng bộ qua &amp;USB…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="205" />
            <source>&amp;Diagnostics for the centre…</source>
            <translation>Thông tin &amp;chẩn đoán cho Trung tâm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="205" />
            <source>Save the diagnostics for the centre</source>
            <translation>Lưu thông tin chẩn đoán gửi Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="205" />
            <source>Zip files (*.zip)</source>
            <translation>Tệp zip (*.zip)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="205" />
            <source>Diagnostics written to %1: send this file to the centre.</source>
            <translation>Đã ghi thông tin chẩn đoán vào %1: gửi tệp này cho Trung tâm.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="205" />
            <source>The diagnostics could not be written: %1</source>
            <translation>Không ghi được thông tin chẩn đoán: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="205" />
            <source>Collecting diagnostics…</source>
            <translation>Đang thu thập thông tin chẩn đoán…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="133" />
            <source>&amp;File</source>
            <translation>Tệ&amp;p</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="134" />
            <source>&amp;Sync now</source>
            <translation>Đồng &amp;bộ ngay</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="137" />
            <source>Sign &amp;in to the centre…</source>
            <translation>Đăng &amp;nhập vào Trung tâm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="140" />
            <source>&amp;Refresh</source>
            <translation>&amp;Làm mới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="146" />
            <source>&amp;Quit</source>
            <translation>&amp;Thoát</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="150" />
            <source>&amp;Language</source>
            <translation>N&amp;gôn ngữ</translation>
        </message>
        <message>
            <source>&amp;Backups…</source>
            <translation>&amp;Sao lưu…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Health station</source>
            <translation>Trạm Y tế</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Health centre</source>
            <translation>Trung tâm Y tế</translation>
        </message>
    </context>
    <context>
        <name>MoveDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="78" />
            <source>Reason for rejecting</source>
            <translation>Lý do từ chối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="80" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="81" />
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="83" />
            <source>Centre staff member</source>
            <translation>Cán bộ Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="84" />
            <source>Assigned to</source>
            <translation>Người được phân công</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="86" />
            <source>Format</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="89" />
            <source>Outcome (what was done)</source>
            <translation>Kết quả (đã làm gì, kết luận)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="95" />
            <source>Quality of the support</source>
            <translation>Chất lượng hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="96" />
            <source>Comment</source>
            <translation>Bình luận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="98" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
    </context>
    <context>
        <name>Navigation</name>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Reports to the centre</source>
            <translation>Báo cáo gửi Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Station reports</source>
            <translation>Báo cáo của các trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Rotation</source>
            <translation>Luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Techniques</source>
            <translation>Danh mục kỹ thuật</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Village health workers</source>
            <translation>Nhân viên y tế thôn/ấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Support plan</source>
            <translation>Kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Support programme</source>
            <translation>Chương trình hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/workspace.py" line="28" />
            <source>Referrals &amp; supervision</source>
            <translation>Chuyển tuyến &amp; giám sát</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/workspace.py" line="40" />
            <source>Referral register</source>
            <translation>Sổ chuyển tuyến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/workspace.py" line="42" />
            <source>Supervision visits</source>
            <translation>Giám sát trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="18" />
            <source>Overview</source>
            <translation>Tổng quan</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="19" />
            <source>Station profile</source>
            <translation>Hồ sơ trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="20" />
            <source>Professional support</source>
            <translation>Hỗ trợ chuyên môn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="21" />
            <location filename="../../ytcs_desktop/ui/workspace.py" line="31" />
            <source>Training</source>
            <translation>Đào tạo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="22" />
            <source>Stock</source>
            <translation>Kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="23" />
            <source>Vaccines &amp; cold chain</source>
            <translation>Vắc xin &amp; dây chuyền lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="24" />
            <location filename="../../ytcs_desktop/ui/workspace.py" line="33" />
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="25" />
            <location filename="../../ytcs_desktop/ui/workspace.py" line="34" />
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="28" />
            <source>Stations</source>
            <translation>Các trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="29" />
            <source>Request inbox</source>
            <translation>Hộp yêu cầu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="30" />
            <source>Rotation planning</source>
            <translation>Lịch luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="32" />
            <source>Requisitions &amp; supply</source>
            <translation>Dự trù &amp; cấp phát</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sao lưu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="40" />
            <source>Change log</source>
            <translation>Nhật ký thay đổi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="1" />
            <source>Programme figures</source>
            <translation>Số liệu chương trình</translation>
        </message>
    </context>
    <context>
        <name>NewRequestDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="25" />
            <source>New support request</source>
            <translation>Yêu cầu hỗ trợ chuyên môn mới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="28" />
            <source>Kind of support</source>
            <translation>Loại hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="30" />
            <source>Title</source>
            <translation>Tiêu đề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="34" />
            <source>Description</source>
            <translation>Diễn giải</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="36" />
            <source>Urgency</source>
            <translation>Mức độ khẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="38" />
            <source>Wanted from</source>
            <translation>Mong muốn từ ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="40" />
            <source>Wanted until</source>
            <translation>Đến ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="42" />
            <source>Only a reference, never the patient's record</source>
            <translation>Chỉ ghi mã tham chiếu, không ghi hồ sơ bệnh nhân</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="43" />
            <source>Patient reference</source>
            <translation>Mã tham chiếu bệnh nhân</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="46" />
            <source>ICD-10 code</source>
            <translation>Mã ICD-10</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/request.py" line="47" />
            <source>Send to the centre now</source>
            <translation>Gửi Trung tâm ngay</translation>
        </message>
    </context>
    <context>
        <name>OnHandTab</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="37" />
            <source>By item</source>
            <translation>Theo mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="38" />
            <source>By lot</source>
            <translation>Theo lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="40" />
            <source>Search by name, code or lot (Ctrl+F)</source>
            <translation>Tìm theo tên, mã hoặc số lô (Ctrl+F)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="44" />
            <source>All categories</source>
            <translation>Tất cả nhóm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="49" />
            <source>&amp;Receive…</source>
            <translation>&amp;Nhập kho…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="50" />
            <source>&amp;Issue…</source>
            <translation>&amp;Xuất sử dụng…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="51" />
            <source>&amp;Transfer…</source>
            <translation>Điều &amp;chuyển…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="52" />
            <source>&amp;Dispose…</source>
            <translation>&amp;Hủy…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="53" />
            <source>Stock &amp;card</source>
            <translation>&amp;Thẻ kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="58" />
            <source>Colours: red = expired · yellow = expires within %1 days · violet = quarantined · red quantity = below minimum</source>
            <translation>Màu: đỏ = đã hết hạn · vàng = hết hạn trong %1 ngày · tím = đang cách ly · số lượng nền đỏ = dưới mức tối thiểu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="149" />
            <source>Minimum and maximum of the selected item at this station</source>
            <translation>Mức tồn tối thiểu và tối đa của mặt hàng đang chọn tại trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="150" />
            <source>Choose an item in the By item view</source>
            <translation>Hãy chọn một mặt hàng ở chế độ xem Theo mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="1" />
            <source>Le&amp;vels…</source>
            <translation>&amp;Mức tồn…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="1" />
            <source>Receive this item…</source>
            <translation>Nhập kho mặt hàng này…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_onhand.py" line="86" />
            <source>History…</source>
            <translation>Lịch sử…</translation>
        </message>
    </context>
    <context>
        <name>OpenVialDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="87" />
            <source>Open a vial</source>
            <translation>Mở lọ vắc xin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="88" />
            <source>Vaccine lot</source>
            <translation>Lô vắc xin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="89" />
            <source>Lot</source>
            <translation>Lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="91" />
            <source>e.g. Tiêm chủng thường xuyên sáng</source>
            <translation>ví dụ: Tiêm chủng thường xuyên sáng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="92" />
            <source>Session</source>
            <translation>Buổi tiêm</translation>
        </message>
    </context>
    <context>
        <name>OperationDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/dialog.py" line="74" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/dialog.py" line="75" />
            <source>Cancel</source>
            <translation>Hủy bỏ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/dialog.py" line="154" />
            <source>Discard your changes?</source>
            <translation>Bỏ các thay đổi?</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/dialog.py" line="156" />
            <source>What you typed in this form has not been saved.</source>
            <translation>Những gì bạn đã nhập trong biểu mẫu này chưa được lưu.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/dialog.py" line="157" />
            <source>Discard</source>
            <translation>Bỏ thay đổi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/dialog.py" line="158" />
            <source>Keep editing</source>
            <translation>Tiếp tục nhập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/dialog.py" line="1" />
            <source>Saving…</source>
            <translation>Đang lưu…</translation>
        </message>
    </context>
    <context>
        <name>Operations</name>
        <message>
            <location filename="../../ytcs_desktop/ui/operations.py" line="138" />
            <source>Could not save: %1. Nothing was changed; what you typed is still here.</source>
            <translation>Không lưu được: %1. Chưa có gì thay đổi; những gì bạn đã nhập vẫn còn nguyên.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/operations.py" line="145" />
            <source>YTCS</source>
            <translation>YTCS</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/operations.py" line="147" />
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
    </context>
    <context>
        <name>OutcomeDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="50" />
            <source>Record what was done</source>
            <translation>Ghi kết quả thực hiện</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="55" />
            <source>Patients seen</source>
            <translation>Số lượt khám</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="57" />
            <source>Techniques transferred</source>
            <translation>Kỹ thuật đã chuyển giao</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="59" />
            <source>Notes</source>
            <translation>Ghi chú</translation>
        </message>
    </context>
    <context>
        <name>OverviewPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="1" />
            <source>Reports due to the centre</source>
            <translation>Báo cáo phải gửi Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="1" />
            <source>%1, %2 – %3: %4 (deadline %5)</source>
            <translation>%1, %2 – %3: %4 (hạn %5)</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/overview.py" line="84" />
            <source>Open supervision actions</source>
            <translation>Việc cần khắc phục sau giám sát</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="73" />
            <source>Near expiry or expired</source>
            <translation>Sắp hết hạn hoặc đã hết hạn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="74" />
            <source>Below minimum stock</source>
            <translation>Dưới mức tồn tối thiểu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="75" />
            <source>Missing fridge readings (7 days)</source>
            <translation>Thiếu lần đo nhiệt độ (7 ngày)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="76" />
            <source>Quarantined vaccine lots</source>
            <translation>Lô vắc xin đang cách ly</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="77" />
            <source>Changes refused by the centre</source>
            <translation>Thay đổi bị Trung tâm từ chối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="78" />
            <source>Open support requests</source>
            <translation>Yêu cầu hỗ trợ đang mở</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="81" />
            <source>Open</source>
            <translation>Mở</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="90" />
            <source>Overview</source>
            <translation>Tổng quan</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="116" />
            <source>Today is %1. Everything below is read from this computer's data.</source>
            <translation>Hôm nay là %1. Các số liệu dưới đây lấy từ dữ liệu trên máy này.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/overview.py" line="118" />
            <source>… and %1 more</source>
            <translation>… và %1 mục khác</translation>
        </message>
        <message>
            <source>Back up…</source>
            <translation>Sao lưu…</translation>
        </message>
        <message>
            <source>This computer's data has never been backed up.</source>
            <translation>Dữ liệu trên máy này chưa từng được sao lưu.</translation>
        </message>
        <message>
            <source>The last backup is %1 days old (%2).</source>
            <translation>Lần sao lưu gần nhất đã cách đây %1 ngày (%2).</translation>
        </message>
    </context>
    <context>
        <name>PartyRow</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="47" />
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="49" />
            <source>Position</source>
            <translation>Chức vụ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="51" />
            <source>Unit</source>
            <translation>Đơn vị</translation>
        </message>
    </context>
    <context>
        <name>ProfilePage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="29" />
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="70" />
            <source>Station profile</source>
            <translation>Hồ sơ trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="49" />
            <source>Continuing education (120 periods in 5 years)</source>
            <translation>Đào tạo liên tục (120 tiết trong 5 năm)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="56" />
            <source>Staff</source>
            <translation>Nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="59" />
            <source>&amp;Add staff member…</source>
            <translation>&amp;Thêm nhân viên…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="102" />
            <source>Saved.</source>
            <translation>Đã lưu.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="49" />
            <source>&amp;Edit profile…</source>
            <translation>&amp;Sửa hồ sơ…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="110" />
            <source>The centre keeps the administrative fields; the station keeps its contact details.</source>
            <translation>Thông tin hành chính do Trung tâm quản lý; thông tin liên hệ do trạm tự cập nhật.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="113" />
            <source>Not yet bound to a centre: the station fills in its own parent organisation, commune and licence, which head its printed forms.</source>
            <translation>Chưa gắn với Trung tâm: trạm tự khai cơ quan chủ quản, xã/phường và giấy phép hoạt động để in ở đầu các biểu mẫu.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="71" />
            <source>Edi&amp;t…</source>
            <translation>&amp;Cập nhật…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="72" />
            <source>Left the stati&amp;on…</source>
            <translation>Ghi &amp;nghỉ việc…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="73" />
            <source>&amp;History…</source>
            <translation>&amp;Lịch sử…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="166" />
            <source>Edit…</source>
            <translation>Cập nhật…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="167" />
            <source>Left the station…</source>
            <translation>Ghi nghỉ việc…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/profile.py" line="170" />
            <source>History…</source>
            <translation>Lịch sử…</translation>
        </message>
    </context>
    <context>
        <name>QuarantineDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="47" />
            <source>Release the lot</source>
            <translation>Cho sử dụng lại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="47" />
            <source>Dispose of the lot</source>
            <translation>Hủy lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="54" />
            <source>Shake test result, VVM…</source>
            <translation>Kết quả nghiệm pháp lắc, VVM…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="55" />
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="59" />
            <source>(not checked)</source>
            <translation>(chưa kiểm tra)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="61" />
            <source>VVM stage %1</source>
            <translation>VVM giai đoạn %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="62" />
            <source>VVM now</source>
            <translation>VVM hiện tại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="64" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
    </context>
    <context>
        <name>ReceiptsTab</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="71" />
            <source>&amp;Confirm receipt…</source>
            <translation>&amp;Xác nhận nhập kho…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/receipts.py" line="81" />
            <source>Pending receipts</source>
            <translation>Hàng chờ nhập</translation>
        </message>
    </context>
    <context>
        <name>ReceiveDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="34" />
            <source>Receive stock</source>
            <translation>Nhập kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="35" />
            <source>Type part of the name or code</source>
            <translation>Gõ một phần tên hoặc mã</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="36" />
            <source>Item</source>
            <translation>Mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="38" />
            <source>Lot number</source>
            <translation>Số lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="40" />
            <source>Expiry date</source>
            <translation>Hạn dùng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="42" />
            <source>in base units (tablets, vials, doses…)</source>
            <translation>theo đơn vị cơ bản (viên, lọ, liều…)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="43" />
            <source>Quantity</source>
            <translation>Số lượng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="45" />
            <source>Date received</source>
            <translation>Ngày nhập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="47" />
            <source>Supplied by the centre</source>
            <translation>Trung tâm cấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="48" />
            <source>Other source</source>
            <translation>Nguồn khác</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="49" />
            <source>Source</source>
            <translation>Nguồn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="51" />
            <source>Document no.</source>
            <translation>Số chứng từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="53" />
            <source>Supplier</source>
            <translation>Đơn vị cung cấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="55" />
            <source>Manufacturer</source>
            <translation>Nhà sản xuất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="57" />
            <source>(not a vaccine)</source>
            <translation>(không phải vắc xin)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="59" />
            <source>VVM stage %1</source>
            <translation>VVM giai đoạn %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="60" />
            <source>VVM at receipt</source>
            <translation>VVM khi nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="62" />
            <source>Fridge</source>
            <translation>Tủ lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="1" />
            <source>As printed on the pack, dd/mm/yyyy</source>
            <translation>Như in trên bao bì, dạng ngày/tháng/năm</translation>
        </message>
    </context>
    <context>
        <name>ReportInputDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="1" />
            <source>Every figure is counted from the records; write the centre's assessment of the period (the mid-year evaluation in the third quarter, the year-end review in the fourth).</source>
            <translation>Mọi số liệu được đếm từ hồ sơ; hãy ghi nhận xét, đánh giá của Trung tâm về kỳ báo cáo (đánh giá giữa năm ở quý III, tổng kết năm ở quý IV).</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="1" />
            <source>what went well, what did not, what comes next</source>
            <translation>kết quả đạt được, tồn tại, hạn chế và phương hướng tới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="1" />
            <source>The centre's assessment</source>
            <translation>Nhận xét, đánh giá của Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="99" />
            <source>Continue</source>
            <translation>Tiếp tục</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="104" />
            <source>Stock on hand by lot and the open support requests are filled in from the records at the end of %1.</source>
            <translation>Tồn kho theo lô và các yêu cầu hỗ trợ chuyên môn đang xử lý được lấy từ sổ sách đến hết ngày %1.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="108" />
            <source>The figures are counted from the records; write what the report cannot count.</source>
            <translation>Các số liệu được đếm từ sổ sách; hãy ghi những nội dung báo cáo không tự đếm được.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="117" />
            <source>Handing over</source>
            <translation>Bên giao</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="117" />
            <source>Receiving</source>
            <translation>Bên nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="118" />
            <source>Witness</source>
            <translation>Người chứng kiến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="123" />
            <source>e.g. 01/BB-TYT</source>
            <translation>ví dụ 01/BB-TYT</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="124" />
            <source>Number</source>
            <translation>Số</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="128" />
            <source>Time (on %1)</source>
            <translation>Giờ (ngày %1)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="130" />
            <source>the station, when left empty</source>
            <translation>để trống: tại trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="131" />
            <source>Place</source>
            <translation>Địa điểm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="133" />
            <source>Reason for the handover</source>
            <translation>Lý do bàn giao</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="134" />
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="143" />
            <source>one per line</source>
            <translation>mỗi dòng một mục</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="136" />
            <source>Records handed over</source>
            <translation>Hồ sơ, sổ sách bàn giao</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="138" />
            <source>Equipment, other notes</source>
            <translation>Trang thiết bị, ghi chú khác</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="139" />
            <source>the usual sentence, when left empty</source>
            <translation>để trống: câu kết luận thường dùng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="140" />
            <source>Conclusion</source>
            <translation>Kết luận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="145" />
            <source>Difficulties</source>
            <translation>Khó khăn, vướng mắc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/report_input.py" line="147" />
            <source>Proposals</source>
            <translation>Đề xuất, kiến nghị</translation>
        </message>
    </context>
    <context>
        <name>ReportsPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="76" />
            <source>Item code, for a single stock card</source>
            <translation>Mã mặt hàng (khi chỉ in một thẻ kho)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="77" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="78" />
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="79" />
            <source>Item</source>
            <translation>Mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="81" />
            <source>&amp;Preview and print…</source>
            <translation>&amp;Xem trước và in…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="83" />
            <source>Save as &amp;Excel…</source>
            <translation>Lưu &amp;Excel…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="99" />
            <source>Reports</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="162" />
            <source>Save the report</source>
            <translation>Lưu báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="194" />
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="195" />
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="213" />
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="215" />
            <source>Preparing the report…</source>
            <translation>Đang chuẩn bị báo cáo…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="198" />
            <source>Saved: %1</source>
            <translation>Đã lưu: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="228" />
            <source>Print preview</source>
            <translation>Xem trước khi in</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="84" />
            <source>Tick the stations to print; none ticked prints every station.</source>
            <translation>Đánh dấu các trạm cần in; không đánh dấu trạm nào thì in tất cả các trạm.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="86" />
            <source>Stations (none ticked: all)</source>
            <translation>Trạm (không chọn: tất cả)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/reports.py" line="1" />
            <source>Save as P&amp;DF…</source>
            <translation>Lưu P&amp;DF…</translation>
        </message>
    </context>
    <context>
        <name>RequisitionsTab</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/requisitions.py" line="34" />
            <source>&amp;New requisition for next month</source>
            <translation>Lập &amp;dự trù cho tháng tới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/requisitions.py" line="35" />
            <source>Save &amp;quantities</source>
            <translation>Lưu &amp;số lượng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/requisitions.py" line="36" />
            <source>Su&amp;bmit to the centre</source>
            <translation>Gửi &amp;Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/requisitions.py" line="66" />
            <source>Requisitions</source>
            <translation>Dự trù</translation>
        </message>
    </context>
    <context>
        <name>ReverseDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="151" />
            <source>Reverse a movement</source>
            <translation>Đảo bút toán</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="158" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="160" />
            <source>Reason</source>
            <translation>Lý do</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="161" />
            <source>Reverse</source>
            <translation>Đảo</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="175" />
            <source>3. Review and approve</source>
            <translation>3. Xem lại và duyệt</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="176" />
            <source>Approving posts a count correction for every difference. It cannot be undone except by a new count.</source>
            <translation>Khi duyệt, mỗi chênh lệch được ghi thành một bút toán điều chỉnh kiểm kê. Chỉ có thể sửa bằng một lần kiểm kê mới.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="182" />
            <source>Proposals (printed on the minutes)</source>
            <translation>Kiến nghị (in trong biên bản)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="195" />
            <source>%1 lots counted, %2 with a difference.</source>
            <translation>Đã kiểm %1 lô, %2 lô có chênh lệch.</translation>
        </message>
    </context>
    <context>
        <name>RotationsPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>What the team did for a &amp;case…</source>
            <translation>Kết quả xử lý &amp;ca bệnh…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>The station&apos;s case list for this visit</source>
            <translation>Danh mục ca bệnh, nhu cầu của trạm cho đợt này</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="74" />
            <source>&amp;Plan a visit…</source>
            <translation>&amp;Lên lịch luân phiên…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="75" />
            <source>&amp;Record what was done…</source>
            <translation>Ghi &amp;kết quả thực hiện…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="84" />
            <source>Rotation planning</source>
            <translation>Lịch luân phiên</translation>
        </message>
    </context>
    <context>
        <name>SessionDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="23" />
            <source>New training session</source>
            <translation>Buổi đào tạo, tập huấn mới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="25" />
            <source>Topic</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="27" />
            <source>Programme</source>
            <translation>Chương trình</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="29" />
            <source>Organiser</source>
            <translation>Đơn vị tổ chức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="31" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="33" />
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="35" />
            <source>number of periods (tiết)</source>
            <translation>số tiết</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="36" />
            <source>Periods</source>
            <translation>Số tiết</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="38" />
            <source>Format</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="40" />
            <source>Place</source>
            <translation>Địa điểm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/training.py" line="42" />
            <source>Trainers</source>
            <translation>Giảng viên</translation>
        </message>
    </context>
    <context>
        <name>ShipDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="36" />
            <source>Ship to %1</source>
            <translation>Xuất cấp cho %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="40" />
            <source>Delivery note no.</source>
            <translation>Số phiếu xuất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="42" />
            <source>Shipping date</source>
            <translation>Ngày xuất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="45" />
            <source>Item</source>
            <translation>Mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="45" />
            <source>Lot number</source>
            <translation>Số lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="45" />
            <source>Expiry</source>
            <translation>Hạn dùng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="45" />
            <source>Quantity</source>
            <translation>Số lượng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="59" />
            <source>Lots</source>
            <translation>Các lô</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="60" />
            <source>Ship</source>
            <translation>Xuất cấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="1" />
            <source>As printed on the pack, dd/mm/yyyy</source>
            <translation>Như in trên bao bì, dạng ngày/tháng/năm</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/sign_in.py" line="51" />
            <source>Sign in to the centre</source>
            <translation>Đăng nhập vào Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/sign_in.py" line="57" />
            <source>Centre server address</source>
            <translation>Địa chỉ máy chủ Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/sign_in.py" line="59" />
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/sign_in.py" line="62" />
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/sign_in.py" line="68" />
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/sign_in.py" line="70" />
            <source>Cancel</source>
            <translation>Hủy bỏ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/sign_in.py" line="81" />
            <source>Signing in…</source>
            <translation>Đang đăng nhập…</translation>
        </message>
    </context>
    <context>
        <name>StaffDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="1" />
            <source>Scope of practice</source>
            <translation>Phạm vi hành nghề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="20" />
            <source>Add a staff member</source>
            <translation>Thêm nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="22" />
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="24" />
            <source>Job title</source>
            <translation>Chức danh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="26" />
            <source>Practising licence no.</source>
            <translation>Số chứng chỉ hành nghề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="28" />
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="30" />
            <source>Year of birth</source>
            <translation>Năm sinh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="30" />
            <source>Edit staff member</source>
            <translation>Cập nhật hồ sơ nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="42" />
            <source>e.g. Điều dưỡng hạng IV (V.08.05.13)</source>
            <translation>ví dụ: Điều dưỡng hạng IV (V.08.05.13)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="43" />
            <source>Grade</source>
            <translation>Ngạch (chức danh nghề nghiệp)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="46" />
            <source>Step</source>
            <translation>Bậc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="48" />
            <source>Position</source>
            <translation>Vị trí việc làm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="53" />
            <source>Licence issued on</source>
            <translation>Ngày cấp chứng chỉ hành nghề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="55" />
            <source>Licence valid until</source>
            <translation>Chứng chỉ có hiệu lực đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="56" />
            <source>Leave “valid until” empty for a 5-year licence issued since 2024: it is counted from the date issued.</source>
            <translation>Để trống “hiệu lực đến” với chứng chỉ 5 năm cấp từ năm 2024: hạn được tính từ ngày cấp.</translation>
        </message>
    </context>
    <context>
        <name>StartPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="68" />
            <source>1. Start the count</source>
            <translation>1. Bắt đầu kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="69" />
            <source>The book quantity of every lot in stock is frozen when the count starts.</source>
            <translation>Số lượng sổ sách của mọi lô đang tồn được chốt khi bắt đầu kiểm kê.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="73" />
            <source>Count date</source>
            <translation>Ngày kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="75" />
            <source>Names of the count team</source>
            <translation>Họ tên các thành viên tổ kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="76" />
            <source>Count team</source>
            <translation>Tổ kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="78" />
            <source>Start the count</source>
            <translation>Bắt đầu kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>Count the whole stock or part of it. The book quantity of each lot counted is frozen when the count starts; a part is approved on its own.</source>
            <translation>Kiểm kê toàn bộ kho hoặc một phần. Số lượng sổ sách của từng lô được kiểm được chốt khi bắt đầu; một phần kho được duyệt riêng.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_wizard.py" line="1" />
            <source>What to count</source>
            <translation>Phạm vi kiểm kê</translation>
        </message>
    </context>
    <context>
        <name>NewStationDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>Add a station</source>
            <translation>Thêm trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>for example TYT-AP</source>
            <translation>ví dụ TYT-AP</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>Station code</source>
            <translation>Mã trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>for example Trạm Y tế phường An Phú</source>
            <translation>ví dụ Trạm Y tế phường An Phú</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>Station name</source>
            <translation>Tên trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>Commune/ward</source>
            <translation>Xã/phường</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>for example UBND phường An Phú</source>
            <translation>ví dụ UBND phường An Phú</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="30" />
            <source>Parent organisation</source>
            <translation>Cơ quan chủ quản</translation>
        </message>
    </context>
    <context>
        <name>StationsOverviewPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="72" />
            <source>A&amp;ccounts and computers…</source>
            <translation>Tài &amp;khoản và máy tính…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="70" />
            <source>&amp;Add a station…</source>
            <translation>&amp;Thêm trạm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="71" />
            <source>Station &amp;profile…</source>
            <translation>&amp;Hồ sơ trạm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="18" />
            <source>Figures come from what each station has sent; the last sync and the clock come from the centre server. Red: needs a call today. Double-click a figure (or press Enter on it) to list the records it counts.</source>
            <translation>Số liệu lấy từ dữ liệu các trạm đã gửi; thời điểm đồng bộ và tình trạng đồng hồ lấy từ máy chủ Trung tâm. Ô đỏ: cần gọi điện cho trạm hôm nay. Nhấp đúp vào một số liệu (hoặc nhấn Enter) để xem danh sách các bản ghi được đếm.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="25" />
            <source>Search stations</source>
            <translation>Tìm trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="31" />
            <source>Stations</source>
            <translation>Các trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_stations.py" line="70" />
            <source>Staffing</source>
            <translation>Nhân lực các trạm</translation>
        </message>
    </context>
    <context>
        <name>StockCardTab</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_card.py" line="27" />
            <location filename="../../ytcs_desktop/ui/pages/stock_card.py" line="33" />
            <source>Item</source>
            <translation>Mặt hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_card.py" line="31" />
            <source>Show</source>
            <translation>Xem</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_card.py" line="32" />
            <source>Re&amp;verse this line…</source>
            <translation>Đả&amp;o dòng này…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_card.py" line="33" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_card.py" line="34" />
            <source>to</source>
            <translation>đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock_card.py" line="62" />
            <source>Opening balance %1 · closing balance %2</source>
            <translation>Tồn đầu kỳ %1 · tồn cuối kỳ %2</translation>
        </message>
    </context>
    <context>
        <name>StockLevelDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_level.py" line="21" />
            <source>Stock levels</source>
            <translation>Mức tồn kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_level.py" line="29" />
            <source>Minimum</source>
            <translation>Tối thiểu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_level.py" line="31" />
            <source>0 = no maximum</source>
            <translation>0 = không đặt mức tối đa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_level.py" line="32" />
            <source>Maximum</source>
            <translation>Tối đa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_level.py" line="33" />
            <source>In base units (%1). Stock below the minimum is shown in red and listed on the overview; the requisition suggests filling up to the maximum.</source>
            <translation>Tính theo đơn vị cơ bản (%1). Tồn dưới mức tối thiểu hiện màu đỏ và được liệt kê ở trang Tổng quan; phiếu dự trù đề xuất bổ sung đến mức tối đa.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_level.py" line="38" />
            <source>Use the catalogue's levels</source>
            <translation>Dùng mức của danh mục</translation>
        </message>
    </context>
    <context>
        <name>StockModels</name>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="92" />
            <source>Below the minimum stock</source>
            <translation>Dưới mức tồn tối thiểu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="128" />
            <source>Quarantined</source>
            <translation>Đang cách ly</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="129" />
            <source>Expired</source>
            <translation>Đã hết hạn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/stock.py" line="130" />
            <source>Expires within %1 days</source>
            <translation>Hết hạn trong %1 ngày</translation>
        </message>
    </context>
    <context>
        <name>StockPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock.py" line="29" />
            <source>On hand</source>
            <translation>Tồn kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock.py" line="30" />
            <source>Stock card</source>
            <translation>Thẻ kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/stock.py" line="45" />
            <source>Stock</source>
            <translation>Kho</translation>
        </message>
    </context>
    <context>
        <name>SupplyPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="78" />
            <source>&amp;Approve</source>
            <translation>&amp;Duyệt</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="80" />
            <source>Reason, when rejecting</source>
            <translation>Lý do (khi từ chối)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="82" />
            <source>Re&amp;ject</source>
            <translation>Từ &amp;chối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="83" />
            <source>&amp;Ship…</source>
            <translation>&amp;Xuất cấp…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_supply.py" line="108" />
            <source>Requisitions &amp; supply</source>
            <translation>Dự trù &amp; cấp phát</translation>
        </message>
    </context>
    <context>
        <name>SupportPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="44" />
            <source>All statuses</source>
            <translation>Tất cả trạng thái</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="45" />
            <source>Open (not finished)</source>
            <translation>Đang mở (chưa kết thúc)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="49" />
            <source>All kinds</source>
            <translation>Tất cả loại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="52" />
            <source>Search requests</source>
            <translation>Tìm yêu cầu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="53" />
            <source>&amp;New request…</source>
            <translation>Tạo &amp;yêu cầu…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="72" />
            <source>Professional support</source>
            <translation>Hỗ trợ chuyên môn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="98" />
            <source>Write a comment for the other side</source>
            <translation>Viết bình luận gửi bên kia</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="99" />
            <source>Add &amp;comment</source>
            <translation>Gửi &amp;bình luận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="152" />
            <source>Choose a request to see its history.</source>
            <translation>Chọn một yêu cầu để xem diễn biến.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="163" />
            <source>Scheduled: %1 – %2</source>
            <translation>Lịch: %1 – %2</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="166" />
            <source>Reason for rejecting: %1</source>
            <translation>Lý do từ chối: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="168" />
            <source>Outcome: %1</source>
            <translation>Kết quả: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="170" />
            <source>Rating: %1/5</source>
            <translation>Đánh giá: %1/5</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="172" />
            <source>Refused by the centre: %1</source>
            <translation>Trung tâm không chấp nhận: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="175" />
            <source>Cancel the request</source>
            <translation>Hủy yêu cầu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="176" />
            <source>Accept</source>
            <translation>Tiếp nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="176" />
            <source>Reject…</source>
            <translation>Từ chối…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="176" />
            <source>Schedule…</source>
            <translation>Lên lịch…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="177" />
            <source>Start</source>
            <translation>Bắt đầu thực hiện</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="177" />
            <source>Mark as done…</source>
            <translation>Hoàn thành…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="178" />
            <source>Rate the support…</source>
            <translation>Đánh giá hỗ trợ…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="175" />
            <source>Send to the centre</source>
            <translation>Gửi Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/support.py" line="141" />
            <source>History…</source>
            <translation>Lịch sử…</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <location filename="../../ytcs_desktop/ui/sync_controller.py" line="188" />
            <source>Sync cancelled.</source>
            <translation>Đã dừng đồng bộ.</translation>
        </message>
    </context>
    <context>
        <name>SyncLogPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/sync_log.py" line="16" />
            <source>Every change is kept on this computer first and sent when there is a link. A change the centre refuses stays here with the centre's reason: correct the record and it is sent again.</source>
            <translation>Mọi thay đổi được lưu trên máy này trước, rồi gửi đi khi có mạng. Thay đổi nào Trung tâm không chấp nhận sẽ nằm ở đây kèm lý do: hãy sửa lại hồ sơ đó và nó sẽ được gửi lại.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/sync_log.py" line="21" />
            <source>Sync &amp;now</source>
            <translation>Đồng bộ ng&amp;ay</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/sync_log.py" line="27" />
            <source>Refused by the centre</source>
            <translation>Bị Trung tâm từ chối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/sync_log.py" line="31" />
            <source>Conflict log (the later edit of a field was kept)</source>
            <translation>Nhật ký xung đột (giữ lại lần sửa sau cùng của mỗi trường)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/sync_log.py" line="41" />
            <source>Sync</source>
            <translation>Đồng bộ</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusWidget</name>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="28" />
            <source>Sync now</source>
            <translation>Đồng bộ ngay</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="29" />
            <source>Send and receive changes (F9)</source>
            <translation>Gửi và nhận thay đổi (F9)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="30" />
            <source>Stop</source>
            <translation>Dừng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="45" />
            <source>Working offline (no centre server set)</source>
            <translation>Đang làm việc ngoại tuyến (chưa đặt máy chủ Trung tâm)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="46" />
            <source>No connection to the centre</source>
            <translation>Không kết nối được Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="47" />
            <source>Connected</source>
            <translation>Đã kết nối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="48" />
            <source>Syncing…</source>
            <translation>Đang đồng bộ…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="49" />
            <source>Sync failed</source>
            <translation>Đồng bộ bị lỗi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="58" />
            <source>Last sync: %1</source>
            <translation>Lần đồng bộ cuối: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="60" />
            <source>Never synced</source>
            <translation>Chưa đồng bộ lần nào</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="61" />
            <source>%n change(s) waiting</source>
            <translation>
                <numerusform>%n thay đổi chờ gửi</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ytcs_desktop/ui/widgets/sync_status.py" line="63" />
            <source>%n refused</source>
            <translation>
                <numerusform>%n bị từ chối</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaskManager</name>
        <message>
            <location filename="../../ytcs_desktop/ui/tasks.py" line="224" />
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>TemperatureChart</name>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="42" />
            <source>morning</source>
            <translation>sáng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="42" />
            <source>afternoon</source>
            <translation>chiều</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="46" />
            <source>refused by the centre: %1</source>
            <translation>Trung tâm không chấp nhận: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="89" />
            <source>Morning</source>
            <translation>Sáng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="89" />
            <source>Afternoon</source>
            <translation>Chiều</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="90" />
            <source>Outside +2…+8 °C</source>
            <translation>Ngoài +2…+8 °C</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="93" />
            <source>Not sent yet</source>
            <translation>Chưa gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/temp_chart.py" line="95" />
            <source>Refused by the centre</source>
            <translation>Trung tâm không chấp nhận</translation>
        </message>
    </context>
    <context>
        <name>TrainingPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/training.py" line="29" />
            <source>Search sessions</source>
            <translation>Tìm buổi tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/training.py" line="30" />
            <source>&amp;New session…</source>
            <translation>Thêm &amp;buổi tập huấn…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/training.py" line="31" />
            <source>Add &amp;attendee…</source>
            <translation>Thêm người &amp;tham dự…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/training.py" line="32" />
            <source>Mark as &amp;held</source>
            <translation>Đánh dấu đã tổ &amp;chức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/training.py" line="42" />
            <source>Attendance</source>
            <translation>Danh sách tham dự</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/training.py" line="59" />
            <source>Training</source>
            <translation>Đào tạo</translation>
        </message>
    </context>
    <context>
        <name>TransferDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="111" />
            <source>Transfer to another station</source>
            <translation>Điều chuyển sang trạm khác</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="112" />
            <source>Receiving station</source>
            <translation>Trạm nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="113" />
            <source>To station</source>
            <translation>Đến trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/stock_moves.py" line="115" />
            <source>Document no.</source>
            <translation>Số chứng từ</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>Direction</source>
            <translation>Chiều luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>Who goes</source>
            <translation>Người đi luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>Centre department</source>
            <translation>Khoa, phòng của Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>Area of practice</source>
            <translation>Lĩnh vực chuyên môn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="26" />
            <source>Plan a rotation visit</source>
            <translation>Lên lịch luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="27" />
            <source>Centre staff member</source>
            <translation>Cán bộ Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="28" />
            <source>Staff member</source>
            <translation>Nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="29" />
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="30" />
            <source>Station</source>
            <translation>Trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="32" />
            <source>From</source>
            <translation>Từ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="34" />
            <source>To</source>
            <translation>Đến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="36" />
            <source>Purpose</source>
            <translation>Mục đích</translation>
        </message>
    </context>
    <context>
        <name>StationProfile</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="31" />
            <source>Station code</source>
            <translation>Mã trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="32" />
            <source>Station name</source>
            <translation>Tên trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="33" />
            <source>Commune/ward</source>
            <translation>Xã/phường</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="34" />
            <source>Parent organisation</source>
            <translation>Cơ quan chủ quản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="35" />
            <source>Operating licence no.</source>
            <translation>Số giấy phép hoạt động</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="36" />
            <source>Licence date</source>
            <translation>Ngày cấp giấy phép</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="37" />
            <source>Licence issued by</source>
            <translation>Cơ quan cấp giấy phép</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="38" />
            <source>Status</source>
            <translation>Tình trạng hoạt động</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="39" />
            <source>Head of station</source>
            <translation>Trưởng trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="40" />
            <source>Contact person</source>
            <translation>Người đầu mối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="41" />
            <source>Contact phone</source>
            <translation>Điện thoại đầu mối</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="42" />
            <source>Address</source>
            <translation>Địa chỉ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="43" />
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="44" />
            <source>Population served</source>
            <translation>Dân số phụ trách</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="45" />
            <source>Satellite posts</source>
            <translation>Điểm trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="53" />
            <source>set by the centre</source>
            <translation>do Trung tâm quản lý</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="54" />
            <source>set by the station</source>
            <translation>do Trạm tự cập nhật</translation>
        </message>
    </context>
    <context>
        <name>StationProfileDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="72" />
            <source>Station profile – %1</source>
            <translation>Hồ sơ trạm – %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="78" />
            <source>This station is not yet bound to a centre: it fills in its own parent organisation, commune and licence. Once it syncs with its centre, the centre keeps them.</source>
            <translation>Trạm chưa gắn với Trung tâm: trạm tự khai cơ quan chủ quản, xã/phường và giấy phép hoạt động. Khi trạm đã đồng bộ với Trung tâm, các trường này do Trung tâm quản lý.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="102" />
            <source>One satellite post per line</source>
            <translation>Mỗi dòng một điểm trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/station_profile.py" line="108" />
            <source>dd/mm/yyyy</source>
            <translation>ngày/tháng/năm, ví dụ 01/06/2019</translation>
        </message>
    </context>
    <context>
        <name>BackupPage</name>
        <message>
            <source>Backup</source>
            <translation>Sao lưu</translation>
        </message>
        <message>
            <source>Before an upgrade</source>
            <translation>Trước khi nâng cấp</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>Trước khi khôi phục</translation>
        </message>
        <message>
            <source>A checked copy of this computer's data is made every day while the program runs, and kept for 7 days, 4 weeks and 12 months. Choose a second folder (a USB stick) to keep a copy away from this computer too.</source>
            <translation>Mỗi ngày, khi chương trình đang chạy, một bản sao dữ liệu của máy này được tạo và kiểm tra; các bản sao được giữ 7 ngày, 4 tuần và 12 tháng. Hãy chọn thêm một thư mục thứ hai (ổ USB) để giữ một bản sao ngoài máy này.</translation>
        </message>
        <message>
            <source>&amp;Back up now</source>
            <translation>&amp;Sao lưu ngay</translation>
        </message>
        <message>
            <source>Where the copies are kept</source>
            <translation>Nơi giữ các bản sao</translation>
        </message>
        <message>
            <source>&amp;Choose the second folder…</source>
            <translation>&amp;Chọn thư mục thứ hai…</translation>
        </message>
        <message>
            <source>&amp;No second folder</source>
            <translation>&amp;Bỏ thư mục thứ hai</translation>
        </message>
        <message>
            <source>Copies</source>
            <translation>Các bản sao</translation>
        </message>
        <message>
            <source>(cannot be read)</source>
            <translation>(không đọc được)</translation>
        </message>
        <message>
            <source>&amp;Restore…</source>
            <translation>&amp;Khôi phục…</translation>
        </message>
        <message>
            <source>Restore fr&amp;om a file…</source>
            <translation>Khôi phục từ &amp;một tệp…</translation>
        </message>
        <message>
            <source>Reload the lis&amp;t</source>
            <translation>Tải &amp;lại danh sách</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>Sao lưu</translation>
        </message>
        <message>
            <source>On this computer: %1</source>
            <translation>Trên máy này: %1</translation>
        </message>
        <message>
            <source>Second folder: %1</source>
            <translation>Thư mục thứ hai: %1</translation>
        </message>
        <message>
            <source>Second folder: none</source>
            <translation>Thư mục thứ hai: chưa chọn</translation>
        </message>
        <message>
            <source>Looking for backups…</source>
            <translation>Đang tìm các bản sao lưu…</translation>
        </message>
        <message>
            <source>There is no backup of this computer's data yet.</source>
            <translation>Chưa có bản sao lưu nào của dữ liệu trên máy này.</translation>
        </message>
        <message>
            <source>Last good backup: %1 (%2), %3 day(s) ago.</source>
            <translation>Lần sao lưu tốt gần nhất: %1 (%2), cách đây %3 ngày.</translation>
        </message>
        <message>
            <source>Last good backup: %1 (%2), today.</source>
            <translation>Lần sao lưu tốt gần nhất: %1 (%2), hôm nay.</translation>
        </message>
        <message>
            <source>Back up now, and keep a copy on a USB stick.</source>
            <translation>Hãy sao lưu ngay và giữ một bản trên ổ USB.</translation>
        </message>
        <message>
            <source>Backing up…</source>
            <translation>Đang sao lưu…</translation>
        </message>
        <message>
            <source>Copied to %1 (%2, %3 s) and checked.</source>
            <translation>Đã sao lưu vào %1 (%2, %3 giây) và đã kiểm tra.</translation>
        </message>
        <message>
            <source>A second copy is in %1.</source>
            <translation>Bản sao thứ hai ở %1.</translation>
        </message>
        <message>
            <source>The second folder could not be written: %1</source>
            <translation>Không ghi được vào thư mục thứ hai: %1</translation>
        </message>
        <message>
            <source>The backup failed: %1</source>
            <translation>Sao lưu không thành công: %1</translation>
        </message>
        <message>
            <source>The second folder for backups</source>
            <translation>Thư mục thứ hai để sao lưu</translation>
        </message>
        <message>
            <source>Restore from a backup file</source>
            <translation>Khôi phục từ một tệp sao lưu</translation>
        </message>
        <message>
            <source>YTCS backups (*.sqlite3)</source>
            <translation>Bản sao lưu YTCS (*.sqlite3)</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
        <message>
            <source>The current data will be replaced by the copy of %1. A safety copy of the current data is made first. The next sync takes back from the centre what was sent after that date.</source>
            <translation>Dữ liệu hiện tại sẽ được thay bằng bản sao ngày %1. Trước đó, một bản sao an toàn của dữ liệu hiện tại được tạo. Lần đồng bộ tiếp theo sẽ lấy lại từ Trung tâm những gì đã gửi sau ngày đó.</translation>
        </message>
        <message>
            <source>%1 change(s) on this computer have not been sent to the centre yet: they will only be in the safety copy.</source>
            <translation>%1 thay đổi trên máy này chưa được gửi về Trung tâm: chúng chỉ còn trong bản sao an toàn.</translation>
        </message>
        <message>
            <source>&amp;Restore this copy</source>
            <translation>&amp;Khôi phục bản sao này</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>Restore</name>
        <message>
            <source>Restoring the copy…</source>
            <translation>Đang khôi phục bản sao…</translation>
        </message>
        <message>
            <source>The data was restored from the copy of %1.</source>
            <translation>Đã khôi phục dữ liệu từ bản sao ngày %1.</translation>
        </message>
        <message>
            <source>The next sync takes back from the centre what was sent after that date, and sends what the centre lacks; nothing is doubled.</source>
            <translation>Lần đồng bộ tiếp theo sẽ lấy lại từ Trung tâm những gì đã gửi sau ngày đó và gửi những gì Trung tâm còn thiếu; không có gì bị nhân đôi.</translation>
        </message>
        <message>
            <source>The data as it was before is kept in %1.</source>
            <translation>Dữ liệu trước khi khôi phục được giữ trong %1.</translation>
        </message>
        <message>
            <source>The copy was not restored.</source>
            <translation>Bản sao chưa được khôi phục.</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>Khôi phục</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Đồng ý</translation>
        </message>
    </context>
    <context>
        <name>CorrectReadingDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Correct a reading – %1</source>
            <translation>Sửa số đo – %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Time of day</source>
            <translation>Buổi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Looking up the readings…</source>
            <translation>Đang tìm các số đo…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Recorded</source>
            <translation>Đã ghi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>°C, as the thermometer showed (e.g. 4,5)</source>
            <translation>°C, đúng như nhiệt kế chỉ (ví dụ 4,5)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Correct temperature</source>
            <translation>Nhiệt độ đúng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Freeze indicator alarm was on</source>
            <translation>Chỉ thị đông băng đã báo động</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>e.g. typed 45 for 4,5</source>
            <translation>ví dụ: gõ nhầm 45 thay cho 4,5</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Reason for the correction</source>
            <translation>Lý do sửa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>Save the correction</source>
            <translation>Lưu số đo đã sửa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>No reading for this time of day yet: record it on the cold chain page.</source>
            <translation>Buổi này chưa có số đo: hãy ghi ở trang Vắc xin &amp; dây chuyền lạnh.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>recorded</source>
            <translation>ghi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>corrected</source>
            <translation>sửa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>freeze alarm</source>
            <translation>báo đông băng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>reason</source>
            <translation>lý do</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/coldchain.py" line="1" />
            <source>in force</source>
            <translation>đang dùng</translation>
        </message>
    </context>
    <context>
        <name>Saved</name>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Training session linked to the plan</source>
            <translation>Đã ghi buổi tập huấn theo kế hoạch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Report acknowledged</source>
            <translation>Đã xác nhận đã nhận báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Report returned to the station</source>
            <translation>Đã trả lại báo cáo cho trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Report sent to the centre at the next sync</source>
            <translation>Đã ghi báo cáo, sẽ gửi lên Trung tâm ở lần đồng bộ tới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Activity added to the plan</source>
            <translation>Đã thêm hoạt động vào kế hoạch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Case added to the consultation</source>
            <translation>Đã thêm ca bệnh vào buổi hội chẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Document recorded</source>
            <translation>Đã ghi văn bản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Indicator added to the plan</source>
            <translation>Đã thêm chỉ số vào kế hoạch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Training added to the plan</source>
            <translation>Đã thêm vào kế hoạch đào tạo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Support plan saved</source>
            <translation>Đã lưu kế hoạch hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Consultation marked as held</source>
            <translation>Đã ghi buổi hội chẩn đã tổ chức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Rating saved</source>
            <translation>Đã lưu đánh giá</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Conclusion saved</source>
            <translation>Đã lưu kết luận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Consultation scheduled</source>
            <translation>Đã lên lịch hội chẩn</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/main_window.py" line="43" />
            <source>Finding and corrective action saved</source>
            <translation>Đã lưu tồn tại và biện pháp khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/main_window.py" line="49" />
            <source>Corrective action closed</source>
            <translation>Đã xác nhận hoàn thành khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/main_window.py" line="57" />
            <source>Referral follow-up saved</source>
            <translation>Đã lưu theo dõi chuyển tuyến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/main_window.py" line="63" />
            <source>Progress on the action saved</source>
            <translation>Đã lưu tiến độ khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/main_window.py" line="65" />
            <source>Referral saved</source>
            <translation>Đã lưu phiếu chuyển tuyến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/main_window.py" line="66" />
            <source>Supervision visit saved</source>
            <translation>Đã lưu biên bản giám sát</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Received %1 %2 %3, lot %4</source>
            <translation>Đã nhập %1 %2 %3, lô %4</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Issued %1 %2 %3, lot %4</source>
            <translation>Đã xuất %1 %2 %3, lô %4</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Transferred %1 %2 %3 to another station, lot %4</source>
            <translation>Đã điều chuyển %1 %2 %3 sang trạm khác, lô %4</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Disposed of %1 %2 %3, lot %4</source>
            <translation>Đã hủy %1 %2 %3, lô %4</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Reversed %1 %2 %3, lot %4</source>
            <translation>Đã đảo %1 %2 %3, lô %4</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Saved: %1 %2 %3, lot %4</source>
            <translation>Đã lưu: %1 %2 %3, lô %4</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Comment sent</source>
            <translation>Đã gửi bình luận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Fridge added</source>
            <translation>Đã thêm tủ lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Staff member added</source>
            <translation>Đã thêm nhân viên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Station added</source>
            <translation>Đã thêm trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Requisition approved</source>
            <translation>Đã duyệt dự trù</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Stock levels saved</source>
            <translation>Đã lưu mức tồn kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Vial closed</source>
            <translation>Đã đóng lọ vắc xin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Reading corrected; the original is kept in its history</source>
            <translation>Đã sửa số đo; số đo gốc vẫn được giữ trong lịch sử</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Support request saved</source>
            <translation>Đã lưu yêu cầu hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Requisition created</source>
            <translation>Đã lập dự trù</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Training session saved</source>
            <translation>Đã lưu buổi tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Quarantined lot disposed of</source>
            <translation>Đã hủy lô vắc xin bị cách ly</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Counts saved</source>
            <translation>Đã lưu số kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Training session marked as held</source>
            <translation>Đã đánh dấu buổi tập huấn là đã tổ chức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Support request updated</source>
            <translation>Đã cập nhật yêu cầu hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Vial opened</source>
            <translation>Đã mở lọ vắc xin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Rotation visit planned</source>
            <translation>Đã lên lịch luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Attendee added</source>
            <translation>Đã thêm người tham dự</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Fridge reading saved</source>
            <translation>Đã ghi nhiệt độ tủ lạnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Visit outcome saved</source>
            <translation>Đã ghi kết quả chuyến luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Requisition rejected</source>
            <translation>Đã từ chối dự trù</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Lot released from quarantine</source>
            <translation>Đã cho sử dụng lại lô vắc xin</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Requested quantities saved</source>
            <translation>Đã lưu số lượng dự trù</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Shipment sent to the station</source>
            <translation>Đã xuất cấp hàng cho trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Stock count started</source>
            <translation>Đã bắt đầu kiểm kê</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Station profile saved</source>
            <translation>Đã lưu hồ sơ trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/main_window.py" line="1" />
            <source>Saved</source>
            <translation>Đã lưu</translation>
        </message>
    </context>
    <context>
        <name>Update</name>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="50" />
            <source>A new version, YTCS %1, is available</source>
            <translation>Có phiên bản mới YTCS %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="52" />
            <source>get it here</source>
            <translation>tải tại đây</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/workspace.py" line="56" />
            <source>: ask the centre for it.</source>
            <translation>: hãy xin Trung tâm bản cài đặt.</translation>
        </message>
    </context>
    <context>
        <name>PlainHttpWarning</name>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/link_warning.py" line="19" />
            <source>This address is not encrypted (http): the password would cross the network in clear. Ask the centre for its https address.</source>
            <translation>Địa chỉ này không được mã hoá (http): mật khẩu sẽ đi qua mạng dưới dạng chữ thường. Hãy hỏi Trung tâm địa chỉ https.</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../ytcs_desktop/ui/app.py" line="140" />
            <source>Something went wrong that the program did not expect: %1. What you saved before is safe. The details are in the log file %2; File → Diagnostics for the centre collects it for the centre.</source>
            <translation>Đã xảy ra lỗi mà chương trình không lường trước: %1. Những gì đã lưu trước đó vẫn an toàn. Chi tiết nằm trong tệp nhật ký %2; mục Tệp → Thông tin chẩn đoán cho Trung tâm sẽ gom tệp này để gửi Trung tâm.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/app.py" line="146" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
    </context>
    <context>
        <name>UsbSyncDialog</name>
        <message>
            <source>Sign-in accounts: %1 confirmed by the centre, %2 refused (see File → Accounts on this computer).</source>
            <translation>Tài khoản đăng nhập: %1 được Trung tâm xác nhận, %2 bị từ chối (xem Tệp → Tài khoản đăng nhập trên máy này).</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>Sync by USB drive</source>
            <translation>Đồng bộ qua ổ USB</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>A station without a network brings its sync file on a USB drive. Answer it here: the centre&apos;s server takes the station&apos;s changes and writes the answer file beside it, for the station to read back.</source>
            <translation>Trạm không có mạng mang tệp đồng bộ đến bằng ổ USB. Trả lời tệp đó tại đây: máy chủ Trung tâm nhận các thay đổi của trạm và ghi tệp trả lời ngay cạnh tệp của trạm để trạm đọc lại.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>&amp;Answer a station&apos;s file…</source>
            <translation>&amp;Trả lời tệp của trạm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>Without a network: 1. write this computer&apos;s changes to a USB drive and take it to the centre; 2. when it comes back with the centre&apos;s answer, read the answer here.</source>
            <translation>Khi không có mạng: 1. ghi các thay đổi của máy này vào ổ USB rồi mang tới Trung tâm; 2. khi ổ USB mang về tệp trả lời của Trung tâm, đọc tệp đó tại đây.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>1. &amp;Write the file for the centre…</source>
            <translation>1. &amp;Ghi tệp gửi Trung tâm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>2. &amp;Read the centre&apos;s answer…</source>
            <translation>2. Đọc tệp &amp;trả lời của Trung tâm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>Write the file for the centre</source>
            <translation>Ghi tệp gửi Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>Written %1 (%2 KB): take it to the centre.</source>
            <translation>Đã ghi %1 (%2 KB): mang tệp này tới Trung tâm.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>Read the centre&apos;s answer</source>
            <translation>Đọc tệp trả lời của Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>Read: %1 changes acknowledged by the centre (%2 refused), %3 received.</source>
            <translation>Đã đọc: Trung tâm đã nhận %1 thay đổi (%2 bị từ chối), nhận về %3 thay đổi.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>A station&apos;s sync file</source>
            <translation>Tệp đồng bộ của trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>The answer is written to %1: give the drive back to the station.</source>
            <translation>Đã ghi tệp trả lời vào %1: trả ổ USB lại cho trạm.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/usb_sync.py" line="50" />
            <source>YTCS sync files (*%1);;All files (*)</source>
            <translation>Tệp đồng bộ YTCS (*%1);;Mọi tệp (*)</translation>
        </message>
    </context>
    <context>
        <name>ScopePicker</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>The whole stock</source>
            <translation>Toàn bộ kho</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>One category</source>
            <translation>Một nhóm hàng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>One place</source>
            <translation>Một nơi để</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>Chosen items</source>
            <translation>Các mặt hàng chọn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>Search by name or code (accents not needed)</source>
            <translation>Tìm theo tên hoặc mã (gõ không dấu cũng được)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>Outside the fridges (shelves)</source>
            <translation>Ngoài tủ lạnh (trên kệ)</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>%n lot(s)</source>
            <translation>
                <numerusform>%n lô</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../ytcs_desktop/ui/dialogs/count_scope.py" line="1" />
            <source>%n item(s) chosen</source>
            <translation>
                <numerusform>%n mặt hàng đã chọn</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CloseActionDialog</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="191" />
            <source>Close a corrective action</source>
            <translation>Xác nhận đã khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="195" />
            <source>Station&apos;s progress: %1</source>
            <translation>Tiến độ trạm báo: %1</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="197" />
            <source>Evidence (what was checked or seen)</source>
            <translation>Minh chứng (đã kiểm tra, thấy gì)</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="199" />
            <source>Closed on</source>
            <translation>Ngày xác nhận</translation>
        </message>
    </context>
    <context>
        <name>FindingDialog</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="137" />
            <source>Add a finding and its corrective action</source>
            <translation>Thêm tồn tại và biện pháp khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="143" />
            <source>Area</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="145" />
            <source>Finding</source>
            <translation>Tồn tại, phát hiện</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="147" />
            <source>Corrective action</source>
            <translation>Biện pháp khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="149" />
            <source>Responsible</source>
            <translation>Người chịu trách nhiệm</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="151" />
            <source>Due date</source>
            <translation>Hạn khắc phục</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="64" />
            <source>Follow up a referral</source>
            <translation>Theo dõi ca chuyển tuyến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="72" />
            <source>Next step</source>
            <translation>Bước tiếp theo</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="74" />
            <source>Arrived on</source>
            <translation>Ngày người bệnh đến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="76" />
            <source>Follow-up note</source>
            <translation>Ghi chú theo dõi</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="78" />
            <source>Outcome</source>
            <translation>Kết quả điều trị, theo dõi</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="80" />
            <source>Advice to the station</source>
            <translation>Hướng dẫn cho trạm</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="83" />
            <source>Yes, the referral was needed</source>
            <translation>Có, chuyển tuyến là cần thiết</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="84" />
            <source>No, the station could have treated it</source>
            <translation>Không, trạm có thể tự điều trị</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="85" />
            <source>Was the referral needed?</source>
            <translation>Chuyển tuyến có cần thiết?</translation>
        </message>
    </context>
    <context>
        <name>ProgressDialog</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="174" />
            <source>Record progress on an action</source>
            <translation>Ghi tiến độ khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="179" />
            <source>Progress (what was done, what remains)</source>
            <translation>Tiến độ (đã làm gì, còn gì)</translation>
        </message>
    </context>
    <context>
        <name>ReferralDialog</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="31" />
            <source>Record a referral</source>
            <translation>Ghi phiếu chuyển tuyến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="34" />
            <source>Only a reference, never the patient&apos;s record</source>
            <translation>Chỉ ghi mã, không ghi hồ sơ bệnh án</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="35" />
            <source>Patient reference</source>
            <translation>Mã người bệnh</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="37" />
            <source>Reason for the referral</source>
            <translation>Lý do chuyển tuyến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="40" />
            <source>ICD-10 code</source>
            <translation>Mã ICD-10</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="42" />
            <source>Hospital and department</source>
            <translation>Bệnh viện và khoa</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="43" />
            <source>Referred to</source>
            <translation>Nơi chuyển đến</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="45" />
            <source>Urgency</source>
            <translation>Mức độ khẩn</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/referral.py" line="47" />
            <source>Referral date</source>
            <translation>Ngày chuyển tuyến</translation>
        </message>
    </context>
    <context>
        <name>ReferralRegisterPage</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_referrals.py" line="20" />
            <source>Follow &amp;up…</source>
            <translation>&amp;Theo dõi, phản hồi…</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_referrals.py" line="21" />
            <source>Only referrals still followed up</source>
            <translation>Chỉ các ca đang theo dõi</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_referrals.py" line="31" />
            <source>Referral register</source>
            <translation>Sổ theo dõi chuyển tuyến</translation>
        </message>
    </context>
    <context>
        <name>ReferralsPage</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/referrals.py" line="22" />
            <source>Record a &amp;referral…</source>
            <translation>Ghi phiếu &amp;chuyển tuyến…</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/referrals.py" line="26" />
            <source>Open corrective actions from supervision visits</source>
            <translation>Việc cần khắc phục sau các đợt giám sát</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/referrals.py" line="30" />
            <source>Record &amp;progress…</source>
            <translation>Ghi &amp;tiến độ khắc phục…</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/referrals.py" line="40" />
            <source>Referrals &amp; supervision</source>
            <translation>Chuyển tuyến và giám sát</translation>
        </message>
    </context>
    <context>
        <name>SupervisionPage</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_supervision.py" line="22" />
            <source>&amp;Record a visit…</source>
            <translation>Ghi &amp;biên bản giám sát…</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_supervision.py" line="23" />
            <source>Add a fi&amp;nding…</source>
            <translation>Thêm tồn tại, &amp;khắc phục…</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_supervision.py" line="27" />
            <source>Corrective actions</source>
            <translation>Các biện pháp khắc phục</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_supervision.py" line="31" />
            <source>&amp;Close the action…</source>
            <translation>&amp;Xác nhận đã khắc phục…</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/pages/centre_supervision.py" line="42" />
            <source>Supervision visits</source>
            <translation>Giám sát chuyên môn tại trạm</translation>
        </message>
    </context>
    <context>
        <name>SupervisionVisitDialog</name>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="60" />
            <source>Record a supervision visit</source>
            <translation>Ghi biên bản giám sát</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="62" />
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="63" />
            <source>Station</source>
            <translation>Trạm</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="65" />
            <source>Visit date</source>
            <translation>Ngày giám sát</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="67" />
            <source>Names and departments of the team</source>
            <translation>Họ tên, khoa/phòng của thành viên đoàn</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="68" />
            <source>Supervision team</source>
            <translation>Đoàn giám sát</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="79" />
            <source>Areas checked</source>
            <translation>Lĩnh vực giám sát</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="81" />
            <source>Area</source>
            <translation>Lĩnh vực</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="81" />
            <source>Checklist item</source>
            <translation>Nội dung kiểm tra</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="81" />
            <source>Score</source>
            <translation>Điểm</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="85" />
            <source>Scores (2 met, 1 partly, 0 not met)</source>
            <translation>Chấm điểm (2 đạt, 1 đạt một phần, 0 không đạt)</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="87" />
            <source>General remarks</source>
            <translation>Nhận xét chung</translation>
        </message>
        <message>
            <location filename="../../work/main/ytcs_desktop/ui/dialogs/supervision.py" line="100" />
            <source>n/a</source>
            <translation>Không áp dụng</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Add an activity to the plan</source>
            <translation>Thêm hoạt động vào kế hoạch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Station's plan</source>
            <translation>Kế hoạch của trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Plan</source>
            <translation>Kế hoạch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Kind of activity</source>
            <translation>Loại hoạt động</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Content</source>
            <translation>Nội dung</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Target, quarter %1</source>
            <translation>Chỉ tiêu quý %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Travel (VND)</source>
            <translation>Đi lại (đồng)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Per diem (VND)</source>
            <translation>Công tác phí (đồng)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Materials (VND)</source>
            <translation>Vật tư, tài liệu (đồng)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Change an activity of the plan</source>
            <translation>Sửa hoạt động của kế hoạch</translation>
        </message>
    </context>
    <context>
        <name>CaseDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Add a case to the consultation</source>
            <translation>Thêm ca bệnh vào buổi hội chẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Support request</source>
            <translation>Yêu cầu hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Case (support request)</source>
            <translation>Ca bệnh (yêu cầu hỗ trợ)</translation>
        </message>
    </context>
    <context>
        <name>ConclusionDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Conclusion of the consultation</source>
            <translation>Kết luận hội chẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Conclusion</source>
            <translation>Kết luận</translation>
        </message>
    </context>
    <context>
        <name>ConsultationDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Schedule a consultation</source>
            <translation>Lên lịch hội chẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Date</source>
            <translation>Ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Time</source>
            <translation>Giờ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Format</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Place</source>
            <translation>Địa điểm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Meeting link</source>
            <translation>Đường dẫn phòng họp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Topic</source>
            <translation>Chủ đề</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>The centre's experts, one a line</source>
            <translation>Chuyên gia của Trung tâm, mỗi người một dòng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Experts</source>
            <translation>Chuyên gia</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Every station</source>
            <translation>Mọi trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>For the station</source>
            <translation>Cho trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Choose from the centre's staff…</source>
            <translation>Chọn trong nhân sự của Trung tâm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Add an expert</source>
            <translation>Thêm chuyên gia</translation>
        </message>
    </context>
    <context>
        <name>DocumentDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Record a document rolled out</source>
            <translation>Ghi văn bản đã triển khai</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Department</source>
            <translation>Khoa/phòng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Document number</source>
            <translation>Số văn bản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Document date</source>
            <translation>Ngày văn bản</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Summary</source>
            <translation>Trích yếu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Forms guided</source>
            <translation>Số biểu mẫu đã hướng dẫn</translation>
        </message>
    </context>
    <context>
        <name>IndicatorDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Add an indicator to follow</source>
            <translation>Thêm chỉ số chuyên môn theo dõi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Station's plan</source>
            <translation>Kế hoạch của trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Plan</source>
            <translation>Kế hoạch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Indicator</source>
            <translation>Chỉ số chuyên môn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>How it is measured</source>
            <translation>Phương thức đánh giá</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>e.g. ≥ 90%</source>
            <translation>ví dụ ≥ 90%</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Target</source>
            <translation>Mục tiêu</translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>New support plan</source>
            <translation>Kế hoạch hỗ trợ chuyên môn mới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Station</source>
            <translation>Trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>One objective a line</source>
            <translation>Mỗi mục tiêu một dòng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Objectives</source>
            <translation>Mục tiêu</translation>
        </message>
    </context>
    <context>
        <name>ProgrammePage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Session &amp;held for it…</source>
            <translation>Ghi &amp;buổi đã tổ chức…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Period</source>
            <translation>Kỳ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>New &amp;plan…</source>
            <translation>Lập &amp;kế hoạch…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Add an &amp;activity…</source>
            <translation>Thêm &amp;hoạt động…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Add an &amp;indicator…</source>
            <translation>Thêm &amp;chỉ số…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Progress: target against what was recorded</source>
            <translation>Tiến độ: chỉ tiêu so với số liệu đã ghi nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Activities, targets and cost estimates</source>
            <translation>Hoạt động, chỉ tiêu và dự trù kinh phí</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Indicators</source>
            <translation>Chỉ số chuyên môn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Plan and progress</source>
            <translation>Kế hoạch và tiến độ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>&amp;Schedule a consultation…</source>
            <translation>&amp;Lên lịch hội chẩn…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Add a &amp;case…</source>
            <translation>Thêm &amp;ca bệnh…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Concl&amp;usion…</source>
            <translation>&amp;Kết luận…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Mark &amp;held</source>
            <translation>Đã &amp;tổ chức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Consultation calendar</source>
            <translation>Lịch hội chẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Add to the &amp;training plan…</source>
            <translation>Thêm vào kế hoạch &amp;đào tạo…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Training plan (Annex II)</source>
            <translation>Kế hoạch đào tạo (Phụ lục II)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Record a &amp;document…</source>
            <translation>Ghi &amp;văn bản…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Documents rolled out (Annex I)</source>
            <translation>Văn bản đã triển khai (Phụ lục I)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Stations' ratings</source>
            <translation>Đánh giá của trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Support programme</source>
            <translation>Chương trình hỗ trợ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Year </source>
            <translation>Năm </translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Whole year</source>
            <translation>Cả năm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Quarter %1</source>
            <translation>Quý %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>C&amp;hange the activity…</source>
            <translation>&amp;Sửa hoạt động…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Remo&amp;ve the activity…</source>
            <translation>&amp;Xóa hoạt động…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Remove “%1” from the plan of %2? Its targets no longer count in the progress.</source>
            <translation>Xóa “%1” khỏi kế hoạch của %2? Chỉ tiêu của hoạt động này sẽ không còn được tính vào tiến độ.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>Remove the activity</source>
            <translation>Xóa hoạt động</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>&amp;Remove</source>
            <translation>&amp;Xóa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_programme.py" line="1" />
            <source>%1 done</source>
            <translation>%1 đã thực hiện</translation>
        </message>
    </context>
    <context>
        <name>RatingDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Rate the support received</source>
            <translation>Đánh giá hỗ trợ đã nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>1 (poor) … 5 (very good)</source>
            <translation>1 (kém) … 5 (rất tốt)</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Rating</source>
            <translation>Điểm đánh giá</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Comment</source>
            <translation>Nhận xét</translation>
        </message>
    </context>
    <context>
        <name>StationProgrammePage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>Period</source>
            <translation>Kỳ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>The centre writes this plan; progress is counted from what was recorded.</source>
            <translation>Kế hoạch do Trung tâm lập; tiến độ được tính từ số liệu đã ghi nhận.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>Activities, targets and cost estimates</source>
            <translation>Hoạt động, chỉ tiêu và dự trù kinh phí</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>Indicators</source>
            <translation>Chỉ số chuyên môn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>Plan and progress</source>
            <translation>Kế hoạch và tiến độ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>Consultation calendar</source>
            <translation>Lịch hội chẩn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>&amp;Rate…</source>
            <translation>Đánh g&amp;iá…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>Support received</source>
            <translation>Hỗ trợ đã nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_programme.py" line="1" />
            <source>Support plan</source>
            <translation>Kế hoạch hỗ trợ</translation>
        </message>
    </context>
    <context>
        <name>TrainingPlanItemDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Add to the training plan</source>
            <translation>Thêm vào kế hoạch đào tạo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Year</source>
            <translation>Năm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Proposing department</source>
            <translation>Khoa/phòng đề xuất</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Department</source>
            <translation>Khoa/phòng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Proposed training</source>
            <translation>Nội dung đề xuất tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Quarter %1</source>
            <translation>Quý %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Quarter</source>
            <translation>Quý</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Expected time</source>
            <translation>Thời gian dự kiến</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Format</source>
            <translation>Hình thức</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Audience</source>
            <translation>Đối tượng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Planned head count</source>
            <translation>Số lượng người tập huấn</translation>
        </message>
    </context>
    <context>
        <name>UpcomingConsultations</name>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/upcoming.py" line="1" />
            <source>Calendar…</source>
            <translation>Lịch hội chẩn…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/upcoming.py" line="1" />
            <source>Upcoming consultations: %1</source>
            <translation>Hội chẩn sắp tới: %1</translation>
        </message>
    </context>
    <context>
        <name>CaseOutcomeDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>What the team did for this case</source>
            <translation>Đoàn đã xử lý ca này thế nào</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_rotations.py" line="1" />
            <source>Outcome</source>
            <translation>Kết quả xử lý</translation>
        </message>
    </context>
    <context>
        <name>StageDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Next stage of a technique transfer</source>
            <translation>Giai đoạn tiếp theo của chuyển giao kỹ thuật</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Next stage</source>
            <translation>Giai đoạn tiếp theo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Reached on</source>
            <translation>Ngày đạt</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>A training session held…</source>
            <translation>Một buổi tập huấn đã tổ chức…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Training session</source>
            <translation>Buổi tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>…or a rotation visit done</source>
            <translation>…hoặc một đợt luân phiên đã thực hiện</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Rotation visit</source>
            <translation>Đợt luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
    </context>
    <context>
        <name>StationRotationsPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>&amp;Add a case or need…</source>
            <translation>&amp;Thêm ca bệnh, nhu cầu…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Before a centre team comes, list the cases and needs you want it to see.</source>
            <translation>Trước khi đoàn Trung tâm về trạm, hãy lập danh mục ca bệnh và nhu cầu cần đoàn hỗ trợ.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Case list for the chosen visit</source>
            <translation>Danh mục ca bệnh, nhu cầu của đợt đã chọn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Rotation</source>
            <translation>Luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>&amp;Remove from the list…</source>
            <translation>&amp;Bỏ khỏi danh sách…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Take “%1” off the case list of this visit?</source>
            <translation>Bỏ “%1” khỏi danh mục ca bệnh của đợt này?</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Remove from the case list</source>
            <translation>Bỏ khỏi danh mục ca bệnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>&amp;Remove</source>
            <translation>&amp;Bỏ</translation>
        </message>
    </context>
    <context>
        <name>TechniqueDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Add a technique</source>
            <translation>Thêm kỹ thuật</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Station</source>
            <translation>Trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Technique</source>
            <translation>Tên kỹ thuật</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Specialty</source>
            <translation>Chuyên khoa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>The station already performs it independently</source>
            <translation>Trạm đã thực hiện độc lập</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Department that transfers it</source>
            <translation>Khoa chuyển giao kỹ thuật</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Transferred by</source>
            <translation>Khoa chuyển giao</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Note</source>
            <translation>Ghi chú</translation>
        </message>
    </context>
    <context>
        <name>TechniquesPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Search techniques</source>
            <translation>Tìm kỹ thuật</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>&amp;Add a technique…</source>
            <translation>&amp;Thêm kỹ thuật…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>&amp;Next stage…</source>
            <translation>Giai đoạn &amp;sau…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/techniques.py" line="1" />
            <source>Techniques</source>
            <translation>Danh mục kỹ thuật</translation>
        </message>
    </context>
    <context>
        <name>VillageWorkersPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>Search by name or hamlet</source>
            <translation>Tìm theo tên hoặc thôn, ấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>&amp;Add a village health worker…</source>
            <translation>&amp;Thêm nhân viên y tế thôn/ấp…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>Village health workers</source>
            <translation>Nhân viên y tế thôn/ấp</translation>
        </message>
    </context>
    <context>
        <name>VisitCaseDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Add to the visit&apos;s case list</source>
            <translation>Thêm vào danh mục ca bệnh của đợt luân phiên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Kind</source>
            <translation>Loại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>a reference, not the patient&apos;s name</source>
            <translation>mã tham chiếu, không ghi tên người bệnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Patient ref.</source>
            <translation>Mã người bệnh</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>ICD-10</source>
            <translation>ICD-10</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/station_rotations.py" line="1" />
            <source>Case or need</source>
            <translation>Ca bệnh hoặc nhu cầu</translation>
        </message>
    </context>
    <context>
        <name>WorkerDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>Add a village health worker</source>
            <translation>Thêm nhân viên y tế thôn/ấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>hamlet, village or quarter served</source>
            <translation>thôn, ấp hoặc khu phố phụ trách</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>Hamlet</source>
            <translation>Thôn, ấp</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>Phone</source>
            <translation>Điện thoại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/village_workers.py" line="1" />
            <source>Year of birth</source>
            <translation>Năm sinh</translation>
        </message>
    </context>
    <context>
        <name>Reporting</name>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Due</source>
            <translation>Đến hạn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Missing, overdue</source>
            <translation>Chưa gửi, quá hạn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>Sent late</source>
            <translation>Gửi trễ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/models/reporting.py" line="1" />
            <source>On time</source>
            <translation>Đúng hạn</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Return the report to the station</source>
            <translation>Trả lại báo cáo cho trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Acknowledge the report</source>
            <translation>Xác nhận đã nhận báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Return</source>
            <translation>Trả lại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Acknowledge</source>
            <translation>Xác nhận đã nhận</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Sent %1 by %2</source>
            <translation>Gửi lúc %1, người gửi: %2</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Difficulties:</source>
            <translation>Khó khăn, vướng mắc:</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Proposals:</source>
            <translation>Đề xuất, kiến nghị:</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>What the station should correct</source>
            <translation>Điều trạm cần sửa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Comment</source>
            <translation>Ý kiến</translation>
        </message>
    </context>
    <context>
        <name>SubmissionDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Submit a report to the centre</source>
            <translation>Gửi báo cáo lên Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Submit</source>
            <translation>Gửi báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Report</source>
            <translation>Báo cáo</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>A day in the period</source>
            <translation>Một ngày trong kỳ</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>one per line</source>
            <translation>mỗi ý một dòng</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Difficulties</source>
            <translation>Khó khăn, vướng mắc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Proposals</source>
            <translation>Đề xuất, kiến nghị</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>This corrects the report already sent for this period</source>
            <translation>Đây là bản sửa của báo cáo đã gửi cho kỳ này</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>what was corrected</source>
            <translation>điều đã sửa so với bản trước</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Correction</source>
            <translation>Nội dung sửa</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>The centre has not sent its reporting schedule yet: sync first.</source>
            <translation>Trung tâm chưa gửi lịch báo cáo: hãy đồng bộ trước.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Period %1 – %2, due %3</source>
            <translation>Kỳ báo cáo %1 – %2, hạn nộp %3</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/submission.py" line="1" />
            <source>Counted from this station's records:</source>
            <translation>Số liệu đếm từ sổ sách của trạm:</translation>
        </message>
    </context>
    <context>
        <name>SubmissionsPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>&amp;Submit a report…</source>
            <translation>Gửi &amp;báo cáo…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>&amp;Return to the station…</source>
            <translation>&amp;Trả lại cho trạm…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>&amp;Acknowledge…</source>
            <translation>&amp;Xác nhận đã nhận…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>Reports still missing after their deadline</source>
            <translation>Báo cáo đã quá hạn mà chưa gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>Reports due within a week, and those missing</source>
            <translation>Báo cáo đến hạn trong tuần tới và báo cáo còn thiếu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>Reports sent</source>
            <translation>Báo cáo đã gửi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>Reports to the centre</source>
            <translation>Báo cáo gửi Trung tâm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>Station reports</source>
            <translation>Báo cáo của các trạm</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>Difficulties:</source>
            <translation>Khó khăn, vướng mắc:</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/submissions.py" line="1" />
            <source>Proposals:</source>
            <translation>Đề xuất, kiến nghị:</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>Change my password</source>
            <translation>Đổi mật khẩu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>Reset password of %1</source>
            <translation>Đặt lại mật khẩu cho %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>Current password</source>
            <translation>Mật khẩu hiện tại</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>New password</source>
            <translation>Mật khẩu mới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>New password again</source>
            <translation>Nhập lại mật khẩu mới</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>At least 8 characters; not the user name, not one character repeated, not a password everyone tries first.</source>
            <translation>Ít nhất 8 ký tự; không trùng tên đăng nhập, không lặp lại một ký tự, không phải mật khẩu ai cũng thử đầu tiên.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>Save</source>
            <translation>Lưu</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/password.py" line="1" />
            <source>Cancel</source>
            <translation>Hủy bỏ</translation>
        </message>
    </context>
    <context>
        <name>TrainingLinkDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Session held for the training plan</source>
            <translation>Buổi tập huấn đã tổ chức theo kế hoạch</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Training session</source>
            <translation>Buổi tập huấn</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/programme.py" line="1" />
            <source>Session</source>
            <translation>Buổi tập huấn</translation>
        </message>
    </context>
    <context>
        <name>AuditLogPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="42" />
            <source>&amp;Period</source>
            <translation>&amp;Khoảng ngày</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="51" />
            <source>&amp;Show</source>
            <translation>&amp;Xem</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="52" />
            <source>&amp;History of this record…</source>
            <translation>&amp;Lịch sử của bản ghi này…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="53" />
            <source>Save as &amp;Excel…</source>
            <translation>Lưu ra &amp;Excel…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="54" />
            <source>Person:</source>
            <translation>Người thực hiện:</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="54" />
            <source>Record kind:</source>
            <translation>Loại bản ghi:</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="71" />
            <source>Change log</source>
            <translation>Nhật ký thay đổi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="85" />
            <source>Everyone</source>
            <translation>Tất cả mọi người</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="89" />
            <source>Every kind of record</source>
            <translation>Mọi loại bản ghi</translation>
        </message>
        <message numerus="yes">
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="118" />
            <source>%n change(s)</source>
            <translation>
                <numerusform>%n thay đổi</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="132" />
            <source>Save the change log</source>
            <translation>Lưu nhật ký thay đổi</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="150" />
            <source>Saving…</source>
            <translation>Đang lưu…</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/audit_log.py" line="154" />
            <source>Saved: %1</source>
            <translation>Đã lưu: %1</translation>
        </message>
    </context>
    <context>
        <name>DepartureDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="94" />
            <source>Record that %1 left</source>
            <translation>Ghi nhận %1 nghỉ việc</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="96" />
            <source>%1 stays in the station's records (trainings, history) and is no longer listed among those working there.</source>
            <translation>%1 vẫn được giữ trong hồ sơ của trạm (tập huấn, lịch sử) và không còn trong danh sách đang làm việc.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/staff.py" line="101" />
            <source>Left on</source>
            <translation>Ngày nghỉ việc</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/history.py" line="18" />
            <source>History: %1</source>
            <translation>Lịch sử: %1</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/history.py" line="21" />
            <source>%1 “%2”: every change, oldest first.</source>
            <translation>%1 “%2”: mọi thay đổi, cũ nhất trước.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/history.py" line="29" />
            <source>No change of this record has been recorded yet.</source>
            <translation>Chưa ghi nhận thay đổi nào của bản ghi này.</translation>
        </message>
    </context>
    <context>
        <name>PersonSignInDialog</name>
        <message>
            <source>The computer is locked</source>
            <translation>Máy đã khóa</translation>
        </message>
        <message>
            <source>Switch user</source>
            <translation>Đổi người dùng</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Đăng nhập</translation>
        </message>
        <message>
            <source>Sign in to YTCS Desktop</source>
            <translation>Đăng nhập YTCS Desktop</translation>
        </message>
        <message>
            <source>Locked after a time without use. %1, type your password to go on where you were; someone else may sign in instead.</source>
            <translation>Máy đã tự khóa sau một thời gian không dùng. %1, hãy gõ mật khẩu để làm tiếp chỗ đang dở; người khác cũng có thể đăng nhập.</translation>
        </message>
        <message>
            <source>Each person signs in with their own account: what you record carries your name.</source>
            <translation>Mỗi người đăng nhập bằng tài khoản của mình: những gì bạn ghi sẽ mang tên bạn.</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Someone &amp;else</source>
            <translation>&amp;Người khác</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Thoát</translation>
        </message>
        <message>
            <source>Checking the password…</source>
            <translation>Đang kiểm tra mật khẩu…</translation>
        </message>
    </context>
    <context>
        <name>PersonSession</name>
        <message>
            <source>Signed in: %1</source>
            <translation>Đang đăng nhập: %1</translation>
        </message>
        <message>
            <source>Nobody is signed in</source>
            <translation>Chưa có ai đăng nhập</translation>
        </message>
    </context>
    <context>
        <name>Confirm</name>
        <message>
            <location filename="../../ytcs_desktop/ui/widgets/confirm.py" line="1" />
            <source>Cancel</source>
            <translation>Hủy</translation>
        </message>
    </context>
    <context>
        <name>ProgrammeFiguresPage</name>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_figures.py" line="1" />
            <source>Programme figures</source>
            <translation>Số liệu chương trình</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/pages/centre_figures.py" line="1" />
            <source>The figures of the quarterly and annual report on the support programme, per station and in total. Double-click a figure (or press Enter on it) to list the records it counts.</source>
            <translation>Các số liệu của báo cáo quý và năm về chương trình hỗ trợ chuyên môn, theo từng trạm và tổng cộng. Nhấp đúp vào một số liệu (hoặc nhấn Enter) để xem danh sách các bản ghi được đếm.</translation>
        </message>
    </context>
    <context>
        <name>FigureRecordsDialog</name>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/figure_records.py" line="1" />
            <source>%1: %2, the sum over the %3 records below.</source>
            <translation>%1: %2, là tổng của %3 bản ghi dưới đây.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/figure_records.py" line="1" />
            <source>%1: %2, the records below.</source>
            <translation>%1: %2, gồm các bản ghi dưới đây.</translation>
        </message>
        <message>
            <location filename="../../ytcs_desktop/ui/dialogs/figure_records.py" line="1" />
            <source>No record is counted in this figure.</source>
            <translation>Không có bản ghi nào được đếm trong số liệu này.</translation>
        </message>
    </context>
    <context>
        <name>NewAccountDialog</name>
        <message>
            <source>New account on this computer</source>
            <translation>Tài khoản mới trên máy này</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Mật khẩu</translation>
        </message>
        <message>
            <source>Password again</source>
            <translation>Nhập lại mật khẩu</translation>
        </message>
        <message>
            <source>The person can sign in on this computer at once. The next sync sends the account to the centre, which confirms it (or says why not).</source>
            <translation>Người này đăng nhập được trên máy này ngay. Lần đồng bộ tới sẽ gửi tài khoản lên Trung tâm để xác nhận (hoặc cho biết lý do không nhận).</translation>
        </message>
    </context>
    <context>
        <name>LocalAccountsDialog</name>
        <message>
            <source>Accounts on this computer</source>
            <translation>Tài khoản đăng nhập trên máy này</translation>
        </message>
        <message>
            <source>User name</source>
            <translation>Tên đăng nhập</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>Họ và tên</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>Vai trò</translation>
        </message>
        <message>
            <source>Confirmed by the centre</source>
            <translation>Trung tâm đã xác nhận</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>Đang dùng</translation>
        </message>
        <message>
            <source>&amp;New account…</source>
            <translation>&amp;Tạo tài khoản…</translation>
        </message>
        <message>
            <source>&amp;Disable</source>
            <translation>&amp;Khóa</translation>
        </message>
        <message>
            <source>&amp;Enable</source>
            <translation>&amp;Mở lại</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Đóng</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>có</translation>
        </message>
        <message>
            <source>no</source>
            <translation>không</translation>
        </message>
        <message>
            <source>refused: %1</source>
            <translation>bị từ chối: %1</translation>
        </message>
        <message>
            <source>no (disabled at the centre)</source>
            <translation>không (Trung tâm đã khóa)</translation>
        </message>
        <message>
            <source>Account %1 made for %2: it awaits the centre's confirmation.</source>
            <translation>Đã tạo tài khoản %1 cho %2: chờ Trung tâm xác nhận.</translation>
        </message>
        <message>
            <source>Choose an account in the list first.</source>
            <translation>Hãy chọn một tài khoản trong danh sách trước.</translation>
        </message>
        <message>
            <source>%1 can sign in again.</source>
            <translation>%1 đăng nhập lại được.</translation>
        </message>
        <message>
            <source>%1 can no longer sign in here.</source>
            <translation>%1 không còn đăng nhập được trên máy này.</translation>
        </message>
    </context>
</TS>
