"""The reporting chain (chế độ báo cáo): the schedule of report kinds and their deadlines
(schedule.py), the stations' sealed submissions and the centre's review (submissions.py), and what is
due, late or missing (overdue.py)."""
