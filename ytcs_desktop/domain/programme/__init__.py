"""The centre's support programme (issue 13): the annual plan per station and its progress, the
consultation calendar, the station's ratings of support, the training plan (Phụ lục II) and the
documents rolled out (Phụ lục I). Progress is computed from the records, never typed twice
(`progress.plan_progress`)."""
