<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;New Article</source>
        <translation>&amp;Новая статья</translation>
    </message>
    <message>
        <source>Start a new article</source>
        <translation>Начать новую статью</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>Save the article</source>
        <translation>Сохранить статью</translation>
    </message>
    <message>
        <source>&amp;Close Article</source>
        <translation>&amp;Закрыть статью</translation>
    </message>
    <message>
        <source>Close the article&apos;s tab (asks about unsaved changes)</source>
        <translation>Закрыть вкладку статьи (с вопросом о несохранённых изменениях)</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>В &amp;корзину</translation>
    </message>
    <message>
        <source>Move the article to the trash (it can be restored)</source>
        <translation>Переместить статью в корзину (её можно восстановить)</translation>
    </message>
    <message>
        <source>&amp;Restore from Trash</source>
        <translation>&amp;Восстановить из корзины</translation>
    </message>
    <message>
        <source>Bring the article back from the trash</source>
        <translation>Вернуть статью из корзины</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>Соз&amp;дать копию</translation>
    </message>
    <message>
        <source>Start a new draft with the same text</source>
        <translation>Новый черновик с тем же текстом</translation>
    </message>
    <message>
        <source>&amp;Import Documents…</source>
        <translation>&amp;Импорт документов…</translation>
    </message>
    <message>
        <source>Make drafts from Word, HTML or text files</source>
        <translation>Создать черновики из документов DOCX, HTML и текстовых файлов</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>Вы&amp;грузить…</translation>
    </message>
    <message>
        <source>Save articles as Word or HTML files for the web team</source>
        <translation>Сохранить статьи в файлы DOCX или HTML для веб-редакции</translation>
    </message>
    <message>
        <source>Export Plan to i&amp;Calendar…</source>
        <translation>Экспорт п&amp;лана в iCalendar…</translation>
    </message>
    <message>
        <source>Save the publication plan of some days as an .ics file for Outlook</source>
        <translation>Сохранить план публикаций за выбранные дни в файл .ics для Outlook</translation>
    </message>
    <message>
        <source>&amp;Print Month Plan…</source>
        <translation>&amp;Печать плана на месяц…</translation>
    </message>
    <message>
        <source>Print the calendar&apos;s month or save it as PDF</source>
        <translation>Напечатать месяц календаря или сохранить его в PDF</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>Close Editorial Desk</source>
        <translation>Закрыть «Редакционный стол»</translation>
    </message>
    <message>
        <source>&amp;Articles</source>
        <translation>&amp;Статьи</translation>
    </message>
    <message>
        <source>The article list and the open articles</source>
        <translation>Список статей и открытые статьи</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>&amp;Календарь</translation>
    </message>
    <message>
        <source>The publication plan: month, week and agenda; drag to reschedule</source>
        <translation>План публикаций: месяц, неделя и повестка; перетаскивание переносит дату</translation>
    </message>
    <message>
        <source>&amp;Next Article Tab</source>
        <translation>&amp;Следующая вкладка</translation>
    </message>
    <message>
        <source>Show the next open article</source>
        <translation>Показать следующую открытую статью</translation>
    </message>
    <message>
        <source>&amp;Previous Article Tab</source>
        <translation>&amp;Предыдущая вкладка</translation>
    </message>
    <message>
        <source>Show the previous open article</source>
        <translation>Показать предыдущую открытую статью</translation>
    </message>
    <message>
        <source>Interface &amp;Language…</source>
        <translation>&amp;Язык интерфейса…</translation>
    </message>
    <message>
        <source>Choose the language of the interface</source>
        <translation>Выбрать язык интерфейса</translation>
    </message>
    <message>
        <source>&amp;Users and Roles…</source>
        <translation>&amp;Пользователи и роли…</translation>
    </message>
    <message>
        <source>Add colleagues and choose what each may do</source>
        <translation>Добавить коллег и выбрать, что каждому можно делать</translation>
    </message>
    <message>
        <source>&amp;Rubrics…</source>
        <translation>&amp;Рубрики…</translation>
    </message>
    <message>
        <source>The office&apos;s list of rubrics for articles</source>
        <translation>Список рубрик редакции</translation>
    </message>
    <message>
        <source>Office &amp;Time Zone…</source>
        <translation>&amp;Часовой пояс редакции…</translation>
    </message>
    <message>
        <source>The zone the office plans in: every date is shown in it</source>
        <translation>Часовой пояс, в котором планирует редакция: все даты показываются в нём</translation>
    </message>
    <message>
        <source>&amp;Sample Article</source>
        <translation>&amp;Пример статьи</translation>
    </message>
    <message>
        <source>Open an example article that shows every kind of formatting</source>
        <translation>Открыть пример статьи со всеми видами оформления</translation>
    </message>
    <message>
        <source>&amp;About Editorial Desk</source>
        <translation>&amp;О программе</translation>
    </message>
</context>
<context>
    <name>AnchorState</name>
    <message>
        <source>on this text</source>
        <translation>к этому тексту</translation>
    </message>
    <message>
        <source>the text was changed</source>
        <translation>текст изменён</translation>
    </message>
    <message>
        <source>the fragment was removed</source>
        <translation>фрагмент удалён</translation>
    </message>
</context>
<context>
    <name>ArticleForm</name>
    <message>
        <source>Scheduled for</source>
        <translation>Запланировано на</translation>
    </message>
    <message>
        <source>not scheduled</source>
        <translation>без даты</translation>
    </message>
    <message>
        <source>Headline</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>One or two sentences: the gist of the news</source>
        <translation>Одно-два предложения: суть новости</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Свойства</translation>
    </message>
    <message>
        <source>no rubric</source>
        <translation>без рубрики</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>теги через запятую</translation>
    </message>
    <message>
        <source>Text of the article</source>
        <translation>Текст статьи</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Заголовок:</translation>
    </message>
    <message>
        <source>&amp;Lead:</source>
        <translation>&amp;Лид:</translation>
    </message>
    <message>
        <source>&amp;Rubric:</source>
        <translation>&amp;Рубрика:</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>Т&amp;еги:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Автор:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Статус:</translation>
    </message>
    <message>
        <source>&amp;Planned:</source>
        <translation>Пу&amp;бликация:</translation>
    </message>
    <message>
        <source>&amp;Body:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>New article</source>
        <translation>Новая статья</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Без заголовка</translation>
    </message>
    <message>
        <source>A published article keeps the date it went out on.</source>
        <translation>Дата опубликованной статьи — это дата её выхода, изменить её нельзя.</translation>
    </message>
    <message>
        <source>new, not saved yet</source>
        <translation>новая, ещё не сохранена</translation>
    </message>
    <message>
        <source>New article — not saved yet</source>
        <translation>Новая статья — ещё не сохранена</translation>
    </message>
    <message>
        <source>{status} · version {version} · {author} · {words} words</source>
        <translation>{status} · версия {version} · {author} · слов: {words}</translation>
    </message>
</context>
<context>
    <name>ArticleListPanel</name>
    <message>
        <source>Search in titles</source>
        <translation>Поиск по заголовкам</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Корзина</translation>
    </message>
    <message>
        <source>All rubrics</source>
        <translation>Все рубрики</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Все авторы</translation>
    </message>
</context>
<context>
    <name>ArticleTab</name>
    <message>
        <source>{title} — unsaved changes</source>
        <translation>{title} — есть несохранённые изменения</translation>
    </message>
</context>
<context>
    <name>ArticleTableModel</name>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
</context>
<context>
    <name>AuditReason</name>
    <message>
        <source>Moved from {old} to {new}</source>
        <translation>Перенесена с {old} на {new}</translation>
    </message>
    <message>
        <source>Planned for {new}</source>
        <translation>Запланирована на {new}</translation>
    </message>
    <message>
        <source>Publication date removed (was {old})</source>
        <translation>Дата публикации снята (была {old})</translation>
    </message>
</context>
<context>
    <name>CalendarAgenda</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Рубрика</translation>
    </message>
    <message>
        <source>{day} — today</source>
        <translation>{day} — сегодня</translation>
    </message>
    <message>
        <source>Nothing is planned for these days.</source>
        <translation>На эти дни ничего не запланировано.</translation>
    </message>
</context>
<context>
    <name>CalendarItem</name>
    <message>
        <source>Planned: {time}</source>
        <translation>Запланирована: {time}</translation>
    </message>
    <message>
        <source>Not scheduled</source>
        <translation>Без даты</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Статус: {status}</translation>
    </message>
    <message>
        <source>Rubric: {rubric}</source>
        <translation>Рубрика: {rubric}</translation>
    </message>
    <message>
        <source>Author: {author}</source>
        <translation>Автор: {author}</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <source>Not every item was moved</source>
        <translation>Перенесены не все материалы</translation>
    </message>
    <message>
        <source>Not every date was removed</source>
        <translation>Дата снята не у всех материалов</translation>
    </message>
    <message>
        <source>Move into the Past</source>
        <translation>Перенос в прошлое</translation>
    </message>
    <message>
        <source>Move to {date}, a day that has already passed?</source>
        <translation>Перенести на {date}? Этот день уже прошёл.</translation>
    </message>
    <message>
        <source>Move to today, {date}, to a time already passed?</source>
        <translation>Перенести на сегодня, {date}, на время, которое уже прошло?</translation>
    </message>
    <message>
        <source>Items planned in the past are not published by themselves.</source>
        <translation>Материалы, запланированные на прошедшие дни, сами не публикуются.</translation>
    </message>
    <message>
        <source>Move “{title}” to {date}</source>
        <translation>Перенести «{title}» на {date}</translation>
    </message>
    <message>
        <source>Move {count} items to {date}</source>
        <translation>Перенести материалы ({count}) на {date}</translation>
    </message>
    <message>
        <source>Remove the date of “{title}”</source>
        <translation>Убрать дату у «{title}»</translation>
    </message>
    <message>
        <source>Remove the date of {count} items</source>
        <translation>Убрать дату у материалов ({count})</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Previous month or week (Page Up)</source>
        <translation>Предыдущий месяц или неделя (Page Up)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Go to today (T or Ctrl+Home)</source>
        <translation>Перейти к сегодняшнему дню (T или Ctrl+Home)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Вперёд</translation>
    </message>
    <message>
        <source>Next month or week (Page Down)</source>
        <translation>Следующий месяц или неделя (Page Down)</translation>
    </message>
    <message>
        <source>Go to a month</source>
        <translation>Перейти к месяцу</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Неделя</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Повестка</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Print the month plan or save it as PDF</source>
        <translation>Напечатать план на месяц или сохранить его в PDF</translation>
    </message>
    <message>
        <source>All rubrics</source>
        <translation>Все рубрики</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Все авторы</translation>
    </message>
    <message>
        <source>item {id}</source>
        <translation>материал {id}</translation>
    </message>
    <message>
        <source>“{title}”: {reason}</source>
        <translation>«{title}»: {reason}</translation>
    </message>
    <message>
        <source>{done} of {total} items changed. These were left as they were:</source>
        <translation>Изменено материалов: {done} из {total}. Эти остались без изменений:</translation>
    </message>
</context>
<context>
    <name>CalendarTray</name>
    <message>
        <source>Items without a date. Drag one onto a day to plan it; drag an item here to take its date away.</source>
        <translation>Материалы без даты. Перетащите материал на день, чтобы запланировать его; перетащите материал сюда, чтобы убрать у него дату.</translation>
    </message>
    <message>
        <source>Unscheduled ({count}+)</source>
        <translation>Без даты ({count}+)</translation>
    </message>
    <message>
        <source>Unscheduled ({count})</source>
        <translation>Без даты ({count})</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>New Article on This Day</source>
        <translation>Новая статья на этот день</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>now: {text}</source>
        <translation>сейчас: {text}</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(изменён)</translation>
    </message>
    <message>
        <source>Show this fragment in the text</source>
        <translation>Показать этот фрагмент в тексте</translation>
    </message>
    <message>
        <source>Resolved by {name}, {when}</source>
        <translation>Решён: {name}, {when}</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Открыть снова</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Отметить решённым</translation>
    </message>
    <message>
        <source>Show &amp;resolved</source>
        <translation>Показывать ре&amp;шённые</translation>
    </message>
    <message>
        <source>Write a comment…</source>
        <translation>Напишите комментарий…</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>A comment on the whole article</source>
        <translation>Комментарий ко всей статье</translation>
    </message>
    <message>
        <source>On &amp;Selection</source>
        <translation>К в&amp;ыделенному</translation>
    </message>
    <message>
        <source>A comment on the text selected in the article</source>
        <translation>Комментарий к выделенному фрагменту статьи</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Сохр&amp;анить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>Статья не открыта.</translation>
    </message>
    <message>
        <source>No comments yet.</source>
        <translation>Комментариев пока нет.</translation>
    </message>
    <message>
        <source>Open: {open}, resolved: {resolved}</source>
        <translation>Открытых: {open}, решённых: {resolved}</translation>
    </message>
    <message>
        <source>Editing the comment:</source>
        <translation>Правка комментария:</translation>
    </message>
    <message>
        <source>You cannot comment on this article.</source>
        <translation>Вы не можете комментировать эту статью.</translation>
    </message>
    <message>
        <source>&amp;New comment:</source>
        <translation>Новый &amp;комментарий:</translation>
    </message>
    <message>
        <source>No text selected</source>
        <translation>Текст не выделен</translation>
    </message>
    <message>
        <source>Select a piece of the article&apos;s text first. If you have changed the text, save the article, then select it again.</source>
        <translation>Сначала выделите фрагмент текста статьи. Если вы меняли текст, сохраните статью и выделите фрагмент заново.</translation>
    </message>
    <message>
        <source>Save first</source>
        <translation>Сначала сохраните статью</translation>
    </message>
    <message>
        <source>The selected text is not in the saved article. Save the article, then select the text again.</source>
        <translation>Выделенного текста нет в сохранённой статье. Сохраните статью и выделите текст заново.</translation>
    </message>
    <message>
        <source>Delete Comment</source>
        <translation>Удаление комментария</translation>
    </message>
    <message>
        <source>Delete your comment “{text}”?</source>
        <translation>Удалить ваш комментарий «{text}»?</translation>
    </message>
    <message>
        <source>It cannot be restored.</source>
        <translation>Восстановить его будет нельзя.</translation>
    </message>
    <message>
        <source>The comment was marked resolved.</source>
        <translation>Комментарий отмечен как решённый.</translation>
    </message>
    <message>
        <source>The comment was reopened.</source>
        <translation>Комментарий снова открыт.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Saved by someone else</source>
        <translation>Статью сохранил другой пользователь</translation>
    </message>
    <message>
        <source>Someone else saved “{title}” while you were editing it. Your changes were &lt;b&gt;not&lt;/b&gt; saved and nothing was overwritten. Compare both versions below.</source>
        <translation>Пока вы редактировали «{title}», статью сохранил другой пользователь. Ваши изменения &lt;b&gt;не&lt;/b&gt; сохранены, и ничего не перезаписано. Сравните обе версии ниже.</translation>
    </message>
    <message>
        <source>Saved version {version} ({when})</source>
        <translation>Сохранённая версия {version} ({when})</translation>
    </message>
    <message>
        <source>Your text (based on version {version})</source>
        <translation>Ваш текст (на основе версии {version})</translation>
    </message>
    <message>
        <source>Keep Editing My Text</source>
        <translation>Продолжить правку своего текста</translation>
    </message>
    <message>
        <source>Load Saved Version</source>
        <translation>Загрузить сохранённую версию</translation>
    </message>
    <message>
        <source>Save Mine over Theirs</source>
        <translation>Сохранить мой текст поверх</translation>
    </message>
</context>
<context>
    <name>CurrentUser</name>
    <message>
        <source>{name} ({role})</source>
        <translation>{name} ({role})</translation>
    </message>
    <message>
        <source>{name}, login {login}, role: {role}</source>
        <translation>{name}, логин {login}, роль: {role}</translation>
    </message>
</context>
<context>
    <name>Denial</name>
    <message>
        <source>“{action}” is not possible while the article is “{status}”.</source>
        <translation>Действие «{action}» недоступно, пока статья в статусе «{status}».</translation>
    </message>
    <message>
        <source>The role “{role}” does not allow “{action}”.</source>
        <translation>Роль «{role}» не позволяет выполнить действие «{action}».</translation>
    </message>
    <message>
        <source>Only the author of the article (or an administrator) may “{action}”.</source>
        <translation>Действие «{action}» доступно только автору статьи (или администратору).</translation>
    </message>
    <message>
        <source>The role “{role}” does not allow “{action}” while the article is “{status}”.</source>
        <translation>Роль «{role}» не позволяет выполнить действие «{action}», пока статья в статусе «{status}».</translation>
    </message>
    <message>
        <source>The article is in the trash; restore it first.</source>
        <translation>Статья в корзине; сначала восстановите её.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save the changes to “{title}”?</source>
        <translation>Сохранить изменения в «{title}»?</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translation>Если не сохранить, изменения будут потеряны.</translation>
    </message>
    <message>
        <source>About Editorial Desk</source>
        <translation>О программе «Редакционный стол»</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Editorial Desk&lt;/h3&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Write, review, schedule and hand off the news of a press office.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Редакционный стол (Editorial Desk)&lt;/h3&gt;&lt;p&gt;Версия {version}&lt;/p&gt;&lt;p&gt;Подготовка, согласование, планирование и выпуск новостей пресс-службы.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>DiffView</name>
    <message>
        <source>version {number} ({when}, {author})</source>
        <translation>версия {number} ({when}, {author})</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>(no changes)</source>
        <translation>(без изменений)</translation>
    </message>
    <message>
        <source>Changes since the approved {old} up to the current {new}</source>
        <translation>Изменения: одобренная {old} → текущая {new}</translation>
    </message>
    <message>
        <source>Changes from {old} to {new}</source>
        <translation>Изменения: {old} → {new}</translation>
    </message>
    <message>
        <source>The texts are the same.</source>
        <translation>Тексты совпадают.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Лид</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>Фор&amp;мат</translation>
    </message>
    <message>
        <source>Table Ro&amp;ws and Columns</source>
        <translation>Ст&amp;роки и столбцы таблицы</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Отменить последнее изменение</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Redo the change just undone</source>
        <translation>Вернуть только что отменённое изменение</translation>
    </message>
    <message>
        <source>Paste as &amp;Plain Text</source>
        <translation>Вставить без &amp;форматирования</translation>
    </message>
    <message>
        <source>Paste the clipboard&apos;s text without any formatting</source>
        <translation>Вставить текст из буфера обмена без форматирования</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Найти…</translation>
    </message>
    <message>
        <source>Find text in the article</source>
        <translation>Найти текст в статье</translation>
    </message>
    <message>
        <source>R&amp;eplace…</source>
        <translation>Найти и &amp;заменить…</translation>
    </message>
    <message>
        <source>Find text and replace it</source>
        <translation>Найти текст и заменить его</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Найти с&amp;ледующее</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>Найти п&amp;редыдущее</translation>
    </message>
    <message>
        <source>&amp;Paragraph</source>
        <translation>&amp;Абзац</translation>
    </message>
    <message>
        <source>Normal text</source>
        <translation>Обычный текст</translation>
    </message>
    <message>
        <source>Heading &amp;2</source>
        <translation>Заголовок &amp;2</translation>
    </message>
    <message>
        <source>Subheading</source>
        <translation>Подзаголовок</translation>
    </message>
    <message>
        <source>Heading &amp;3</source>
        <translation>Заголовок &amp;3</translation>
    </message>
    <message>
        <source>Smaller subheading</source>
        <translation>Подзаголовок второго уровня</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>Полу&amp;жирный</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>&amp;Курсив</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>&amp;Подчёркнутый</translation>
    </message>
    <message>
        <source>&amp;Strikethrough</source>
        <translation>&amp;Зачёркнутый</translation>
    </message>
    <message>
        <source>B&amp;ulleted List</source>
        <translation>&amp;Маркированный список</translation>
    </message>
    <message>
        <source>&amp;Numbered List</source>
        <translation>&amp;Нумерованный список</translation>
    </message>
    <message>
        <source>&amp;Decrease List Level</source>
        <translation>&amp;Уменьшить уровень списка</translation>
    </message>
    <message>
        <source>Move the list item one level up (Shift+Tab)</source>
        <translation>Поднять пункт списка на уровень выше (Shift+Tab)</translation>
    </message>
    <message>
        <source>I&amp;ncrease List Level</source>
        <translation>У&amp;величить уровень списка</translation>
    </message>
    <message>
        <source>Nest the list item under the one above (Tab)</source>
        <translation>Вложить пункт списка в предыдущий (Tab)</translation>
    </message>
    <message>
        <source>&amp;Quote</source>
        <translation>&amp;Цитата</translation>
    </message>
    <message>
        <source>Format the paragraphs as a quotation</source>
        <translation>Оформить абзацы как цитату</translation>
    </message>
    <message>
        <source>&amp;Link…</source>
        <translation>Сс&amp;ылка…</translation>
    </message>
    <message>
        <source>Insert, change or remove a link</source>
        <translation>Вставить, изменить или удалить ссылку</translation>
    </message>
    <message>
        <source>I&amp;mage from File…</source>
        <translation>&amp;Изображение из файла…</translation>
    </message>
    <message>
        <source>Insert a photo with a caption</source>
        <translation>Вставить фотографию с подписью</translation>
    </message>
    <message>
        <source>T&amp;able…</source>
        <translation>&amp;Таблица…</translation>
    </message>
    <message>
        <source>Insert a table</source>
        <translation>Вставить таблицу</translation>
    </message>
    <message>
        <source>&amp;Horizontal Rule</source>
        <translation>&amp;Горизонтальная линия</translation>
    </message>
    <message>
        <source>Insert a horizontal line</source>
        <translation>Вставить горизонтальную линию</translation>
    </message>
    <message>
        <source>Add &amp;Row Below</source>
        <translation>Добавить &amp;строку ниже</translation>
    </message>
    <message>
        <source>Add &amp;Column to the Right</source>
        <translation>Добавить сто&amp;лбец справа</translation>
    </message>
    <message>
        <source>&amp;Delete Row</source>
        <translation>&amp;Удалить строку</translation>
    </message>
    <message>
        <source>D&amp;elete Column</source>
        <translation>Удалить стол&amp;бец</translation>
    </message>
    <message>
        <source>&amp;Clear Formatting</source>
        <translation>О&amp;чистить форматирование</translation>
    </message>
    <message>
        <source>Remove bold, italic, underline and strikethrough; headings become text</source>
        <translation>Убрать полужирный, курсив, подчёркивание и зачёркивание; заголовки станут обычным текстом</translation>
    </message>
    <message>
        <source>Text of the article</source>
        <translation>Текст статьи</translation>
    </message>
    <message>
        <source>Formatting</source>
        <translation>Форматирование</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>Вставка изображения</translation>
    </message>
    <message>
        <source>Images ({patterns})</source>
        <translation>Изображения ({patterns})</translation>
    </message>
    <message>
        <source>Cannot insert the image</source>
        <translation>Не удаётся вставить изображение</translation>
    </message>
    <message>
        <source>“{path}” is not a picture the editor can read (JPEG, PNG, …).</source>
        <translation>Файл «{path}» не является изображением, которое может открыть редактор (JPEG, PNG, …).</translation>
    </message>
    <message>
        <source>The file “{path}” cannot be read.</source>
        <translation>Не удаётся прочитать файл «{path}».</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>article</source>
        <translation>статья</translation>
    </message>
    <message>
        <source>user</source>
        <translation>пользователь</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>версия</translation>
    </message>
    <message>
        <source>image</source>
        <translation>изображение</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>Не удаётся открыть базу данных</translation>
    </message>
    <message>
        <source>The database “{location}” is in use by another program and stays locked.

Close the other program or try again in a moment.</source>
        <translation>База данных «{location}» занята другой программой и заблокирована.

Закройте другую программу или повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>The file “{location}” is damaged or is not a database file.

The file was not changed. Restore it from a backup copy or choose another file.</source>
        <translation>Файл «{location}» повреждён или не является файлом базы данных.

Файл не изменён. Восстановите его из резервной копии или выберите другой файл.</translation>
    </message>
    <message>
        <source>The database “{location}” was written by a newer version of Editorial Desk (schema {schema}).

Please update the app. The file was not changed.</source>
        <translation>База данных «{location}» создана более новой версией программы (схема {schema}).

Обновите программу. Файл не изменён.</translation>
    </message>
    <message>
        <source>The file “{location}” is not an Editorial Desk database.

It was left untouched. Choose another file.</source>
        <translation>Файл «{location}» не является базой данных «Редакционного стола».

Файл не изменён. Выберите другой файл.</translation>
    </message>
    <message>
        <source>Cannot reach the database “{location}”.

Check the network connection or the server, then try again.</source>
        <translation>Нет связи с базой данных «{location}».

Проверьте сеть или сервер и повторите попытку.</translation>
    </message>
    <message>
        <source>Cannot use the database “{location}”.</source>
        <translation>Не удаётся использовать базу данных «{location}».</translation>
    </message>
    <message>
        <source>Cannot accept the input</source>
        <translation>Неверные данные</translation>
    </message>
    <message>
        <source>Please check what you entered.</source>
        <translation>Проверьте введённые данные.</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <source>The {kind} “{ident}” does not exist any more; someone may have deleted it.</source>
        <translation>Объект «{ident}» ({kind}) больше не существует; возможно, его удалили.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Действие запрещено</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>Ваша роль не позволяет выполнить это действие.</translation>
    </message>
    <message>
        <source>Saved by someone else</source>
        <translation>Статью сохранил другой пользователь</translation>
    </message>
    <message>
        <source>“{title}” was saved by someone else (version {theirs}) after you opened version {mine}. Your changes were not saved and nothing was overwritten.</source>
        <translation>«{title}» сохранил другой пользователь (версия {theirs}) после того, как вы открыли версию {mine}. Ваши изменения не сохранены, ничего не перезаписано.</translation>
    </message>
    <message>
        <source>The plan has changed</source>
        <translation>План изменился</translation>
    </message>
    <message>
        <source>The planned date of “{title}” has been changed in the meantime, so it was left as it is and nothing was overwritten. The calendar now shows the current plan.</source>
        <translation>Планируемую дату «{title}» за это время изменили, поэтому она оставлена как есть и ничего не перезаписано. Календарь показывает текущий план.</translation>
    </message>
    <message>
        <source>Editorial Desk</source>
        <translation>Редакционный стол</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something went wrong inside Editorial Desk. Your saved work is safe; unsaved text is still in the editor.</source>
        <translation>В программе произошла ошибка. Сохранённые материалы в безопасности; несохранённый текст остался в редакторе.</translation>
    </message>
</context>
<context>
    <name>ExportUi</name>
    <message>
        <source>Word document (.docx)</source>
        <translation>Документ Word (.docx)</translation>
    </message>
    <message>
        <source>HTML fragment for the website (.html, pictures in images/)</source>
        <translation>HTML-фрагмент для сайта (.html, изображения в папке images/)</translation>
    </message>
    <message>
        <source>HTML page for preview and e-mail (.page.html)</source>
        <translation>HTML-страница для просмотра и отправки по почте (.page.html)</translation>
    </message>
    <message>
        <source>ZIP bundle for the web team (.zip)</source>
        <translation>ZIP-архив для веб-редакции (.zip)</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>Папка для выгрузки</translation>
    </message>
    <message>
        <source>Export Articles</source>
        <translation>Выгрузка статей</translation>
    </message>
    <message>
        <source>The selected article: “{title}”</source>
        <translation>Выбранная статья: «{title}»</translation>
    </message>
    <message>
        <source>Selected articles: none</source>
        <translation>Статьи не выбраны</translation>
    </message>
    <message>
        <source>Selected articles: {count}</source>
        <translation>Выбрано статей: {count}</translation>
    </message>
    <message>
        <source>Articles planned for the days</source>
        <translation>Статьи с датой публикации</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>with the status:</source>
        <translation>со статусом:</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Статьи</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Формат</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Russian typography: «quotes», dashes, no-break spaces</source>
        <translation>Русская типографика: кавычки-«ёлочки», тире, неразрывные пробелы</translation>
    </message>
    <message>
        <source>No signature line</source>
        <translation>Без подписи</translation>
    </message>
    <message>
        <source>The built-in template</source>
        <translation>Встроенный шаблон</translation>
    </message>
    <message>
        <source>Word &amp;template:</source>
        <translation>&amp;Шаблон Word:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Папка:</translation>
    </message>
    <message>
        <source>&amp;Signature line:</source>
        <translation>По&amp;дпись:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>Choose the Office&apos;s Word Template</source>
        <translation>Шаблон Word для выгрузки</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Документы Word (*.docx)</translation>
    </message>
    <message>
        <source>The last day is before the first day.</source>
        <translation>Дата окончания раньше даты начала.</translation>
    </message>
    <message>
        <source>Tick at least one status.</source>
        <translation>Отметьте хотя бы один статус.</translation>
    </message>
    <message>
        <source>Choose the folder to export to.</source>
        <translation>Выберите папку для выгрузки.</translation>
    </message>
    <message>
        <source>“{path}” is a file, not a folder.</source>
        <translation>«{path}» — это файл, а не папка.</translation>
    </message>
    <message>
        <source>The Word template “{path}” does not exist.</source>
        <translation>Шаблон Word «{path}» не найден.</translation>
    </message>
    <message>
        <source>DOCX</source>
        <translation>DOCX</translation>
    </message>
    <message>
        <source>HTML fragment</source>
        <translation>HTML-фрагмент</translation>
    </message>
    <message>
        <source>HTML page</source>
        <translation>HTML-страница</translation>
    </message>
    <message>
        <source>ZIP bundle</source>
        <translation>ZIP-архив</translation>
    </message>
    <message>
        <source>Not exported yet</source>
        <translation>Ещё не выгружалась</translation>
    </message>
    <message>
        <source>Exported to {format} on {when} — changed since</source>
        <translation>Выгружена ({format}) {when} — с тех пор изменена</translation>
    </message>
    <message>
        <source>Exported to {format} on {when}</source>
        <translation>Выгружена ({format}) {when}</translation>
    </message>
    <message>
        <source>…and {count} more</source>
        <translation>…и ещё {count}</translation>
    </message>
    <message>
        <source>Files Already Exist</source>
        <translation>Файлы уже существуют</translation>
    </message>
    <message>
        <source>Some files are already in the folder: {count} of {total}.</source>
        <translation>Некоторые файлы уже есть в папке: {count} из {total}.</translation>
    </message>
    <message>
        <source>Replace them, keep both (the new file gets a number, such as “-2”), or skip these articles?</source>
        <translation>Заменить их, сохранить оба варианта (к имени нового файла добавится номер, например «-2») или пропустить эти статьи?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Заменить</translation>
    </message>
    <message>
        <source>Keep Both</source>
        <translation>Сохранить оба</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Не удаётся выгрузить</translation>
    </message>
    <message>
        <source>Cannot write “{path}”. Check that the folder exists, that you may write to it and that the disk is not full.</source>
        <translation>Не удаётся записать «{path}». Проверьте, что папка существует, у вас есть права на запись в неё и на диске есть свободное место.</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Папка: {folder}</translation>
    </message>
    <message>
        <source>Left as they were (already in the folder): {count}</source>
        <translation>Оставлены без изменений (уже были в папке): {count}</translation>
    </message>
    <message>
        <source>The days {first} – {last} have no article with the ticked statuses.</source>
        <translation>С {first} по {last} нет статей с отмеченными статусами.</translation>
    </message>
    <message>
        <source>There is nothing to export.</source>
        <translation>Выгружать нечего.</translation>
    </message>
    <message>
        <source>Nothing to Export</source>
        <translation>Нечего выгружать</translation>
    </message>
    <message>
        <source>Files written ({format}): {count} of {total}. Then the export stopped:</source>
        <translation>Записано файлов ({format}): {count} из {total}. Затем выгрузка прервалась:</translation>
    </message>
    <message>
        <source>Export Incomplete</source>
        <translation>Выгрузка не завершена</translation>
    </message>
    <message>
        <source>The export was cancelled. Files written ({format}) before that: {count} of {total}. No unfinished file was left in the folder.</source>
        <translation>Выгрузка отменена. До этого записано файлов ({format}): {count} из {total}. Недописанных файлов в папке не осталось.</translation>
    </message>
    <message>
        <source>Export Cancelled</source>
        <translation>Выгрузка отменена</translation>
    </message>
    <message>
        <source>Files written ({format}): {count}.</source>
        <translation>Записано файлов ({format}): {count}.</translation>
    </message>
    <message>
        <source>No file was written: all of them are already in the folder.</source>
        <translation>Ни один файл не записан: все они уже есть в папке.</translation>
    </message>
    <message>
        <source>Export Finished</source>
        <translation>Выгрузка завершена</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Открыть папку</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Выгрузка отменяется…</translation>
    </message>
    <message>
        <source>Exporting “{title}” ({number} of {total})…</source>
        <translation>Выгрузка «{title}» ({number} из {total})…</translation>
    </message>
    <message>
        <source>Preparing the export…</source>
        <translation>Подготовка выгрузки…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Выгрузка</translation>
    </message>
</context>
<context>
    <name>FindReplace</name>
    <message>
        <source>Find</source>
        <translation>Найти</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Заменить на</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>&amp;Учитывать регистр</translation>
    </message>
    <message>
        <source>&amp;Whole words</source>
        <translation>Только &amp;целые слова</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Предыдущее</translation>
    </message>
    <message>
        <source>Find previous (Shift+F3)</source>
        <translation>Найти предыдущее (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Следующее</translation>
    </message>
    <message>
        <source>Find next (F3)</source>
        <translation>Найти следующее (F3)</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Закрыть панель поиска (Esc)</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>Зам&amp;енить</translation>
    </message>
    <message>
        <source>Replace &amp;All</source>
        <translation>Заменить &amp;все</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Не найдено</translation>
    </message>
    <message>
        <source>Continued from the bottom</source>
        <translation>Поиск продолжен с конца</translation>
    </message>
    <message>
        <source>Continued from the top</source>
        <translation>Поиск продолжен с начала</translation>
    </message>
    <message>
        <source>Replaced: {count}</source>
        <translation>Заменено: {count}</translation>
    </message>
</context>
<context>
    <name>HistoryModels</name>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Сохранена</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Отметка</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>одобрена</translation>
    </message>
    <message>
        <source>Version {number}: “{title}”, {when}</source>
        <translation>Версия {number}: «{title}», {when}</translation>
    </message>
    <message>
        <source>created: {to}</source>
        <translation>создана: {to}</translation>
    </message>
    <message>
        <source>{status}, date moved</source>
        <translation>{status}, перенос даты</translation>
    </message>
    <message>
        <source>{old} → {new}</source>
        <translation>{old} → {new}</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Select one version to see what it changed, or two (Ctrl+click) to compare them.</source>
        <translation>Выберите одну версию, чтобы увидеть её изменения, или две (Ctrl+щелчок), чтобы сравнить их.</translation>
    </message>
    <message>
        <source>Compare with &amp;Approved</source>
        <translation>Сравнить с &amp;одобренной</translation>
    </message>
    <message>
        <source>What changed since the reviewer last approved the article</source>
        <translation>Что изменилось с момента последнего одобрения статьи</translation>
    </message>
    <message>
        <source>&amp;Restore This Version…</source>
        <translation>Восстановить &amp;эту версию…</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Версии</translation>
    </message>
    <message>
        <source>Status &amp;changes</source>
        <translation>&amp;Изменения статуса</translation>
    </message>
    <message>
        <source>E&amp;xports</source>
        <translation>Вы&amp;грузки</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>Статья не открыта.</translation>
    </message>
    <message>
        <source>{when} · {format} · {user}
{path}</source>
        <translation>{when} · {format} · {user}
{path}</translation>
    </message>
    <message>
        <source>Select one version to see what it changed, or two to compare them.</source>
        <translation>Выберите одну версию, чтобы увидеть её изменения, или две, чтобы сравнить их.</translation>
    </message>
    <message>
        <source>Select at most two versions.</source>
        <translation>Выберите не больше двух версий.</translation>
    </message>
    <message>
        <source>Version {number} is the first one: there is nothing before it.</source>
        <translation>Версия {number} — первая, сравнивать её не с чем.</translation>
    </message>
    <message>
        <source>Computing the differences…</source>
        <translation>Сравниваю версии…</translation>
    </message>
    <message>
        <source>The differences could not be computed.</source>
        <translation>Не удалось сравнить версии.</translation>
    </message>
    <message>
        <source>The article was never approved.</source>
        <translation>Статья ещё ни разу не была одобрена.</translation>
    </message>
    <message>
        <source>Make the selected version the current text (saved as a new version)</source>
        <translation>Сделать выбранную версию текущим текстом (сохраняется как новая версия)</translation>
    </message>
    <message>
        <source>Restore a Version</source>
        <translation>Восстановление версии</translation>
    </message>
    <message>
        <source>Restore version {number}?</source>
        <translation>Восстановить версию {number}?</translation>
    </message>
    <message>
        <source>Its title, lead and text become the current ones, saved as a new version; nothing is deleted from the history. An approved article goes back to review.</source>
        <translation>Её заголовок, лид и текст станут текущими и будут сохранены как новая версия; из истории ничего не удаляется. Одобренная статья вернётся на согласование.</translation>
    </message>
    <message>
        <source>Version {number} was restored.</source>
        <translation>Версия {number} восстановлена.</translation>
    </message>
</context>
<context>
    <name>IcsExportDialog</name>
    <message>
        <source>Export Plan to iCalendar</source>
        <translation>Экспорт плана в iCalendar</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>Save the Plan As</source>
        <translation>Сохранить план как</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Файлы iCalendar (*.ics)</translation>
    </message>
</context>
<context>
    <name>ImageDialog</name>
    <message>
        <source>Insert Image</source>
        <translation>Вставка изображения</translation>
    </message>
    <message>
        <source>e.g. The new skating rink. Photo: press service</source>
        <translation>например: Новый каток. Фото: пресс-служба</translation>
    </message>
    <message>
        <source>same as the caption</source>
        <translation>как в подписи</translation>
    </message>
    <message>
        <source>What the picture shows, for readers who cannot see it (screen readers)</source>
        <translation>Что изображено на картинке — для читателей, которые не могут её увидеть (программы экранного доступа)</translation>
    </message>
    <message>
        <source>&amp;Caption:</source>
        <translation>&amp;Подпись:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Описание:</translation>
    </message>
</context>
<context>
    <name>ImportUi</name>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>The file is too large to import.</source>
        <translation>Файл слишком большой для импорта.</translation>
    </message>
    <message>
        <source>This type of file cannot be imported. Import Word documents (.docx), web pages (.html, .htm) or text files (.txt).</source>
        <translation>Файлы этого типа импортировать нельзя. Импортируйте документы Word (.docx), веб-страницы (.html, .htm) или текстовые файлы (.txt).</translation>
    </message>
    <message>
        <source>The content of the file does not match its name: it is not the kind of document its extension says (for example, a PDF or a picture renamed to .docx).</source>
        <translation>Содержимое файла не соответствует его имени: это не тот тип документа, на который указывает расширение (например, PDF или изображение, переименованные в .docx).</translation>
    </message>
    <message>
        <source>This is the old Word format (.doc). Open it in Word or LibreOffice, save it as a Word document (.docx) and import that file.</source>
        <translation>Это старый формат Word (.doc). Откройте файл в Word или LibreOffice, сохраните его как документ Word (.docx) и импортируйте полученный файл.</translation>
    </message>
    <message>
        <source>The document is protected with a password. Remove the password in Word, save it and import it again.</source>
        <translation>Документ защищён паролем. Снимите пароль в Word, сохраните документ и импортируйте его снова.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete and cannot be read.</source>
        <translation>Файл повреждён или неполон, прочитать его не удаётся.</translation>
    </message>
    <message>
        <source>The file would unpack to far more data than a document holds, so it was refused for safety.</source>
        <translation>При распаковке файл занял бы гораздо больше места, чем бывает у документа, поэтому из соображений безопасности он отклонён.</translation>
    </message>
    <message>
        <source>The file contains markup that Word documents never contain (a DTD), so it was refused for safety.</source>
        <translation>Файл содержит разметку, которой не бывает в документах Word (DTD), поэтому из соображений безопасности он отклонён.</translation>
    </message>
    <message>
        <source>Converting the file took too long and was stopped.</source>
        <translation>Преобразование файла заняло слишком много времени и было остановлено.</translation>
    </message>
    <message>
        <source>The file could not be converted into an article.</source>
        <translation>Не удалось преобразовать файл в статью.</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>Этот файл нельзя импортировать.</translation>
    </message>
    <message>
        <source>Pictures linked to files outside the document were left out: {count}</source>
        <translation>Пропущены изображения, связанные с файлами вне документа: {count}</translation>
    </message>
    <message>
        <source>Pictures larger than {size} MB were left out: {count}</source>
        <translation>Пропущены изображения больше {size} МБ: {count}</translation>
    </message>
    <message>
        <source>Pictures on the web were not downloaded: {count}</source>
        <translation>Не загружены изображения из интернета: {count}</translation>
    </message>
    <message>
        <source>Pictures stored outside the file were left out: {count}</source>
        <translation>Пропущены изображения, хранящиеся вне файла: {count}</translation>
    </message>
    <message>
        <source>The page declares an unknown character set “{charset}”; it was read as {codec}.</source>
        <translation>На странице указана неизвестная кодировка «{charset}»; страница прочитана как {codec}.</translation>
    </message>
    <message>
        <source>No headline was found; the file name became the title.</source>
        <translation>Заголовок не найден; заголовком стало имя файла.</translation>
    </message>
    <message>
        <source>Pictures in the {format} format were left out: {count}</source>
        <translation>Пропущены изображения в формате {format}: {count}</translation>
    </message>
    <message>
        <source>The page claims to be in UTF-8 but is not; it was read as {codec}.</source>
        <translation>На странице указана кодировка UTF-8, но текст записан в другой; страница прочитана как {codec}.</translation>
    </message>
    <message>
        <source>The title was longer than {limit} characters and was shortened.</source>
        <translation>Заголовок был длиннее {limit} символов и сокращён.</translation>
    </message>
    <message>
        <source>Import Cancelled</source>
        <translation>Импорт отменён</translation>
    </message>
    <message>
        <source>Import Finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation>Импорт не выполнен</translation>
    </message>
    <message>
        <source>“{name}” could not be imported.</source>
        <translation>Не удалось импортировать «{name}».</translation>
    </message>
    <message>
        <source>Files imported: {count} of {total}.</source>
        <translation>Импортировано файлов: {count} из {total}.</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>Не импортированы:</translation>
    </message>
    <message>
        <source>Imported, but not everything could be carried over:</source>
        <translation>Импортированы, но перенесено не всё:</translation>
    </message>
    <message>
        <source>Not started (cancelled):</source>
        <translation>Не начаты (импорт отменён):</translation>
    </message>
    <message>
        <source>Documents ({patterns})</source>
        <translation>Документы ({patterns})</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>Import Documents</source>
        <translation>Импорт документов</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Импорт отменяется…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Importing “{name}” ({number} of {total})…</source>
        <translation>Импорт «{name}» ({number} из {total})…</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>As in the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Interface Language</source>
        <translation>Язык интерфейса</translation>
    </message>
    <message>
        <source>The new language is used after Editorial Desk restarts.</source>
        <translation>Новый язык будет включён после перезапуска программы.</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Edit Link</source>
        <translation>Изменение ссылки</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Вставка ссылки</translation>
    </message>
    <message>
        <source>the address itself</source>
        <translation>сам адрес</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Текст:</translation>
    </message>
    <message>
        <source>&amp;Remove Link</source>
        <translation>&amp;Удалить ссылку</translation>
    </message>
    <message>
        <source>This address cannot be used. A link must start with http://, https://, mailto: or tel: (for example https://example.ru).</source>
        <translation>Этот адрес использовать нельзя. Ссылка должна начинаться с http://, https://, mailto: или tel: (например, https://example.ru).</translation>
    </message>
    <message>
        <source>Enter the address the link leads to.</source>
        <translation>Введите адрес, на который ведёт ссылка.</translation>
    </message>
</context>
<context>
    <name>LockBanner</name>
    <message>
        <source>{name} had stopped editing this article without closing it; you are editing it now.</source>
        <translation>Предыдущий сеанс редактирования этой статьи ({name}) завершился без её закрытия; теперь статью редактируете вы.</translation>
    </message>
    <message>
        <source>&amp;Take Over Editing…</source>
        <translation>Пере&amp;хватить редактирование…</translation>
    </message>
    <message>
        <source>{name} took over editing at {time}. The article is read-only now; your text stays here — copy what you need.</source>
        <translation>С {time} статью редактирует {name}. Теперь она доступна только для чтения; ваш текст остаётся здесь — скопируйте то, что нужно.</translation>
    </message>
    <message>
        <source>Your editing session ended (the connection was lost for too long). The article is read-only now; your text stays here.</source>
        <translation>Ваш сеанс редактирования завершён (связь была потеряна слишком надолго). Теперь статья доступна только для чтения; ваш текст остаётся здесь.</translation>
    </message>
    <message>
        <source>{name} has been editing this article since {time}.</source>
        <translation>{name} редактирует эту статью с {time}.</translation>
    </message>
    <message>
        <source>You can only read it for now.</source>
        <translation>Пока вы можете только читать её.</translation>
    </message>
    <message>
        <source>Computer: {host}</source>
        <translation>Компьютер: {host}</translation>
    </message>
    <message>
        <source>&amp;Edit Again</source>
        <translation>Продолжить р&amp;едактирование</translation>
    </message>
    <message>
        <source>Take Over Editing</source>
        <translation>Перехват редактирования</translation>
    </message>
    <message>
        <source>Take over editing from {name}?</source>
        <translation>Перехватить редактирование у пользователя {name}?</translation>
    </message>
    <message>
        <source>{name} has been editing this article since {time} on the computer {host}. Their window becomes read-only, and changes they have not saved stay only there. Take over only if they are away or agree.</source>
        <translation>{name} редактирует эту статью с {time} на компьютере {host}. В окне этого пользователя статья станет доступна только для чтения, а несохранённые изменения останутся только там. Перехватывайте редактирование, только если коллеги нет на месте или вы договорились.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Select an article in the list, or create a new one with File → New Article.</source>
        <translation>Выберите статью в списке или создайте новую: Файл → Новая статья.</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Комментарии</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>Открываю базу данных…</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>База данных: {location}</translation>
    </message>
    <message>
        <source>The database was upgraded; a backup copy is in {path}</source>
        <translation>База данных обновлена; резервная копия: {path}</translation>
    </message>
    <message>
        <source>Could not keep a recovery copy of unsaved changes ({error}); save the article to be safe.</source>
        <translation>Не удалось сохранить резервную копию несохранённых изменений ({error}); сохраните статью, чтобы не потерять текст.</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>The plan was not exported</source>
        <translation>План не выгружен</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Не удалось записать {path}: {error}</translation>
    </message>
    <message>
        <source>Plan exported: {count} items in {path}</source>
        <translation>План выгружен: публикаций — {count}, файл {path}</translation>
    </message>
    <message>
        <source>Replace the File?</source>
        <translation>Заменить файл?</translation>
    </message>
    <message>
        <source>{name} already exists. Replace it?</source>
        <translation>Файл {name} уже существует. Заменить его?</translation>
    </message>
    <message>
        <source>Dates are now shown in the office&apos;s time zone: {zone}</source>
        <translation>Даты теперь показываются в часовом поясе редакции: {zone}</translation>
    </message>
    <message>
        <source>the system&apos;s zone</source>
        <translation>системный часовой пояс</translation>
    </message>
    <message>
        <source>Unsaved changes restored: {count}. Save them to keep them.</source>
        <translation>Восстановлено несохранённых статей: {count}. Сохраните их, чтобы не потерять.</translation>
    </message>
    <message>
        <source>Sample: a winter rink opens in Druzhba park</source>
        <translation>Пример: в парке «Дружба» открывается каток</translation>
    </message>
    <message>
        <source>The renovated winter ground in the park opens on Saturday: a rink, a ski track and skate hire.</source>
        <translation>В субботу в парке откроется обновлённая зимняя площадка: каток, лыжная трасса и прокат коньков.</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Не удаётся сохранить</translation>
    </message>
    <message>
        <source>Please enter a headline before saving.</source>
        <translation>Перед сохранением введите заголовок.</translation>
    </message>
    <message>
        <source>“{title}” was moved to the trash.</source>
        <translation>«{title}» перемещена в корзину.</translation>
    </message>
    <message>
        <source>“{title}” was restored from the trash.</source>
        <translation>«{title}» восстановлена из корзины.</translation>
    </message>
    <message>
        <source>Copy of {title}</source>
        <translation>Копия: {title}</translation>
    </message>
    <message>
        <source>The language will change after a restart.</source>
        <translation>Язык сменится после перезапуска программы.</translation>
    </message>
    <message>
        <source>Comments ({count})</source>
        <translation>Комментарии ({count})</translation>
    </message>
    <message>
        <source>Words: {words} · Characters: {chars} ({chars_no_spaces} without spaces) · Reading: {minutes} min</source>
        <translation>Слов: {words} · Знаков: {chars} (без пробелов: {chars_no_spaces}) · Чтение: {minutes} мин</translation>
    </message>
    <message>
        <source>Saved “{title}” (version {version}).</source>
        <translation>«{title}» сохранена (версия {version}).</translation>
    </message>
    <message>
        <source>Calendar — Editorial Desk</source>
        <translation>Календарь — Редакционный стол</translation>
    </message>
    <message>
        <source>{article}[*] — Editorial Desk</source>
        <translation>{article}[*] — Редакционный стол</translation>
    </message>
    <message>
        <source>Editorial Desk</source>
        <translation>Редакционный стол</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>{date}; items: {count}</source>
        <translation>{date}; материалов: {count}</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} ещё</translation>
    </message>
    <message>
        <source>Arrows: another day · Page Up / Page Down: previous / next month · T or Ctrl+Home: today · Enter: all items of the day · drag an item to another day to move it (its time stays)</source>
        <translation>Стрелки — другой день · Page Up / Page Down — предыдущий / следующий месяц · T или Ctrl+Home — сегодня · Enter — все материалы дня · перетащите материал на другой день, чтобы перенести его (время сохранится)</translation>
    </message>
    <message>
        <source>Show all items of this day</source>
        <translation>Показать все материалы этого дня</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>Remove the Date (to Unscheduled)</source>
        <translation>Убрать дату (в список без даты)</translation>
    </message>
    <message>
        <source>New Article on This Day</source>
        <translation>Новая статья на этот день</translation>
    </message>
    <message>
        <source>Nothing planned on this day</source>
        <translation>На этот день ничего не запланировано</translation>
    </message>
</context>
<context>
    <name>OfficeZoneDialog</name>
    <message>
        <source>Kaliningrad</source>
        <translation>Калининград</translation>
    </message>
    <message>
        <source>Moscow</source>
        <translation>Москва</translation>
    </message>
    <message>
        <source>Samara</source>
        <translation>Самара</translation>
    </message>
    <message>
        <source>Yekaterinburg</source>
        <translation>Екатеринбург</translation>
    </message>
    <message>
        <source>Omsk</source>
        <translation>Омск</translation>
    </message>
    <message>
        <source>Novosibirsk</source>
        <translation>Новосибирск</translation>
    </message>
    <message>
        <source>Krasnoyarsk</source>
        <translation>Красноярск</translation>
    </message>
    <message>
        <source>Irkutsk</source>
        <translation>Иркутск</translation>
    </message>
    <message>
        <source>Yakutsk</source>
        <translation>Якутск</translation>
    </message>
    <message>
        <source>Vladivostok</source>
        <translation>Владивосток</translation>
    </message>
    <message>
        <source>Magadan</source>
        <translation>Магадан</translation>
    </message>
    <message>
        <source>Petropavlovsk-Kamchatsky</source>
        <translation>Петропавловск-Камчатский</translation>
    </message>
    <message>
        <source>System time zone ({zone})</source>
        <translation>Системный часовой пояс ({zone})</translation>
    </message>
    <message>
        <source>Office Time Zone</source>
        <translation>Часовой пояс редакции</translation>
    </message>
    <message>
        <source>Main time zones of Russia</source>
        <translation>Основные часовые пояса России</translation>
    </message>
    <message>
        <source>Other time zones</source>
        <translation>Другие часовые пояса</translation>
    </message>
    <message>
        <source>The calendar, the article list and the exports put every item on its day in this zone, on every computer of the office.</source>
        <translation>Календарь, список статей и экспорт относят каждую статью к дню по этому часовому поясу — на всех компьютерах редакции.</translation>
    </message>
    <message>
        <source>Find a zone or a city…</source>
        <translation>Найти пояс или город…</translation>
    </message>
</context>
<context>
    <name>PrintPlan</name>
    <message>
        <source>Publication plan — {month} {year}</source>
        <translation>План публикаций — {month} {year}</translation>
    </message>
    <message>
        <source>{title} (continued)</source>
        <translation>{title} (продолжение)</translation>
    </message>
    <message>
        <source>+{count}, see page {page}</source>
        <translation>+{count}, см. стр. {page}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Страница {page} из {pages}</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>Напечатано {date}</translation>
    </message>
    <message>
        <source>+{count} more</source>
        <translation>+{count} ещё</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <source>To review</source>
        <translation>На согласование</translation>
    </message>
    <message>
        <source>Returned to me</source>
        <translation>Возвращены мне</translation>
    </message>
    <message>
        <source>To publish</source>
        <translation>К публикации</translation>
    </message>
    <message>
        <source>Nothing is waiting for review.</source>
        <translation>Нет статей, ожидающих согласования.</translation>
    </message>
    <message>
        <source>Nothing was returned to you.</source>
        <translation>Вам ничего не возвращали.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be published.</source>
        <translation>Нет статей, ожидающих публикации.</translation>
    </message>
</context>
<context>
    <name>QueuesPanel</name>
    <message>
        <source>Waiting for me</source>
        <translation>Ждут моих действий</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <source>{queue} ({count})</source>
        <translation>{queue} ({count})</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Return for Revision</source>
        <translation>Возврат на доработку</translation>
    </message>
    <message>
        <source>Why does “{title}” go back to its author? The author sees this reason.</source>
        <translation>Почему статья «{title}» возвращается автору? Автор увидит эту причину.</translation>
    </message>
    <message>
        <source>For example: check the figures in the second paragraph</source>
        <translation>Например: проверьте цифры во втором абзаце</translation>
    </message>
    <message>
        <source>A reason is required.</source>
        <translation>Укажите причину.</translation>
    </message>
    <message>
        <source>&amp;Return</source>
        <translation>&amp;Вернуть</translation>
    </message>
    <message>
        <source>The reason is too long (at most {count} characters).</source>
        <translation>Причина слишком длинная (не более {count} символов).</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Untitled</source>
        <translation>Без заголовка</translation>
    </message>
    <message>
        <source>changed {when}</source>
        <translation>изменено {when}</translation>
    </message>
    <message>
        <source>new article, never saved</source>
        <translation>новая статья, ещё не сохранялась</translation>
    </message>
    <message>
        <source>changes to a saved article</source>
        <translation>правка сохранённой статьи</translation>
    </message>
    <message>
        <source>Restore Unsaved Work</source>
        <translation>Восстановление несохранённой работы</translation>
    </message>
    <message>
        <source>Editorial Desk was closed while these articles had unsaved changes. Restore them to keep working on them, then save.</source>
        <translation>«Редакционный стол» закрылся, когда в этих статьях были несохранённые изменения. Восстановите их, чтобы продолжить работу, а затем сохраните.</translation>
    </message>
    <message>
        <source>&amp;Restore All</source>
        <translation>&amp;Восстановить всё</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Отбросить…</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Позже</translation>
    </message>
    <message>
        <source>Discard Unsaved Work</source>
        <translation>Отбросить несохранённую работу</translation>
    </message>
    <message>
        <source>Discard all unsaved changes?</source>
        <translation>Отбросить все несохранённые изменения?</translation>
    </message>
    <message>
        <source>Articles: {count}. This cannot be undone.</source>
        <translation>Статей: {count}. Это действие нельзя отменить.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отбросить</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <source>Re&amp;view</source>
        <translation>Со&amp;гласование</translation>
    </message>
    <message>
        <source>Su&amp;bmit for Review</source>
        <translation>&amp;Отправить на согласование</translation>
    </message>
    <message>
        <source>Send the article to the reviewer</source>
        <translation>Отправить статью согласующему</translation>
    </message>
    <message>
        <source>“{title}” was submitted for review.</source>
        <translation>«{title}» отправлена на согласование.</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>О&amp;добрить</translation>
    </message>
    <message>
        <source>Approve exactly the version you are reading</source>
        <translation>Одобрить именно ту версию, которую вы читаете</translation>
    </message>
    <message>
        <source>“{title}” was approved.</source>
        <translation>«{title}» одобрена.</translation>
    </message>
    <message>
        <source>&amp;Return for Revision…</source>
        <translation>&amp;Вернуть на доработку…</translation>
    </message>
    <message>
        <source>Send the article back to its author with a reason</source>
        <translation>Вернуть статью автору с указанием причины</translation>
    </message>
    <message>
        <source>“{title}” was returned to its author.</source>
        <translation>«{title}» возвращена автору.</translation>
    </message>
    <message>
        <source>Mark as &amp;Published</source>
        <translation>Отметить как о&amp;публикованную</translation>
    </message>
    <message>
        <source>Record that the article is on the website</source>
        <translation>Отметить, что статья размещена на сайте</translation>
    </message>
    <message>
        <source>“{title}” was marked as published.</source>
        <translation>«{title}» отмечена как опубликованная.</translation>
    </message>
    <message>
        <source>Mark as Published</source>
        <translation>Отметить как опубликованную</translation>
    </message>
    <message>
        <source>Mark “{title}” as published?</source>
        <translation>Отметить «{title}» как опубликованную?</translation>
    </message>
    <message>
        <source>Do this once the article is on the website. It cannot be undone.</source>
        <translation>Делайте это, когда статья уже размещена на сайте. Отменить это действие нельзя.</translation>
    </message>
</context>
<context>
    <name>ReviewMessages</name>
    <message>
        <source>Not allowed</source>
        <translation>Действие запрещено</translation>
    </message>
    <message>
        <source>The article has changed</source>
        <translation>Статья изменилась</translation>
    </message>
    <message>
        <source>Someone saved the article (now version {current}) after you opened version {seen}. Nothing was done. Look at the current text, then try again.</source>
        <translation>Другой пользователь сохранил статью (теперь это версия {current}) после того, как вы открыли версию {seen}. Ничего не сделано. Посмотрите текущий текст и повторите попытку.</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>Editor</source>
        <translation>Редактор</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Согласующий</translation>
    </message>
    <message>
        <source>Exporter</source>
        <translation>Выпускающий</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Writes articles and submits them for review</source>
        <translation>Пишет статьи и отправляет их на согласование</translation>
    </message>
    <message>
        <source>Comments, returns with a reason, approves</source>
        <translation>Комментирует, возвращает на доработку с указанием причины, одобряет</translation>
    </message>
    <message>
        <source>Hands approved articles to the website</source>
        <translation>Передаёт одобренные статьи на сайт</translation>
    </message>
    <message>
        <source>May do everything and manages users</source>
        <translation>Может выполнять любые действия и управляет пользователями</translation>
    </message>
</context>
<context>
    <name>RubricsDialog</name>
    <message>
        <source>Rubrics</source>
        <translation>Рубрики</translation>
    </message>
    <message>
        <source>New rubric</source>
        <translation>Новая рубрика</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Переименовать</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Удалить…</translation>
    </message>
    <message>
        <source>&amp;Up</source>
        <translation>В&amp;верх</translation>
    </message>
    <message>
        <source>&amp;Down</source>
        <translation>В&amp;низ</translation>
    </message>
    <message>
        <source>Only editors and admins change rubrics.</source>
        <translation>Изменять рубрики могут только редакторы и администраторы.</translation>
    </message>
    <message>
        <source>Only an admin renames, removes and reorders rubrics.</source>
        <translation>Переименовывать, удалять и упорядочивать рубрики может только администратор.</translation>
    </message>
    <message>
        <source>Remove Rubric</source>
        <translation>Удаление рубрики</translation>
    </message>
    <message>
        <source>Remove the rubric “{name}”?</source>
        <translation>Удалить рубрику «{name}»?</translation>
    </message>
    <message>
        <source>Articles that have it keep it; it is no longer offered for new ones.</source>
        <translation>У статей с этой рубрикой она останется, но для новых статей её больше не будет в списке.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>На согласовании</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Возвращена</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрена</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Запланирована</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубликована</translation>
    </message>
    <message>
        <source>In trash</source>
        <translation>В корзине</translation>
    </message>
</context>
<context>
    <name>SystemReason</name>
    <message>
        <source>edited after approval</source>
        <translation>изменена после одобрения</translation>
    </message>
    <message>
        <source>publication date set</source>
        <translation>назначена дата публикации</translation>
    </message>
    <message>
        <source>publication date removed</source>
        <translation>дата публикации снята</translation>
    </message>
</context>
<context>
    <name>TableDialog</name>
    <message>
        <source>Insert Table</source>
        <translation>Вставка таблицы</translation>
    </message>
    <message>
        <source>First row is a &amp;header</source>
        <translation>Первая строка — &amp;заголовок</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Строки:</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>Сто&amp;лбцы:</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users and Roles</source>
        <translation>Пользователи и роли</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Логин</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>the name used to sign in to the computer, e.g. ivanova</source>
        <translation>имя для входа в компьютер, например ivanova</translation>
    </message>
    <message>
        <source>e.g. Ivanova Olga Petrovna</source>
        <translation>например, Иванова Ольга Петровна</translation>
    </message>
    <message>
        <source>&amp;Add User</source>
        <translation>&amp;Добавить пользователя</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Новый пользователь</translation>
    </message>
    <message>
        <source>&amp;Login:</source>
        <translation>&amp;Логин:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Роль:</translation>
    </message>
    <message>
        <source>A new role applies the next time that person starts Editorial Desk.</source>
        <translation>Новая роль начнёт действовать, когда этот пользователь в следующий раз запустит программу.</translation>
    </message>
    <message>
        <source>This is you</source>
        <translation>Это вы</translation>
    </message>
    <message>
        <source>{name} is the only administrator. Make someone else an administrator first: somebody must always be able to manage users.</source>
        <translation>{name} — единственный администратор. Сначала назначьте администратором кого-то ещё: управлять пользователями всегда должен кто-то.</translation>
    </message>
    <message>
        <source>The login is one word without spaces: the name the colleague uses to sign in to the computer.</source>
        <translation>Логин — одно слово без пробелов: имя, под которым коллега входит в компьютер.</translation>
    </message>
    <message>
        <source>A user with the login “{login}” already exists.</source>
        <translation>Пользователь с логином «{login}» уже существует.</translation>
    </message>
</context>
<context>
    <name>WorkflowAction</name>
    <message>
        <source>Submit for review</source>
        <translation>Отправить на согласование</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Одобрить</translation>
    </message>
    <message>
        <source>Return for revision</source>
        <translation>Вернуть на доработку</translation>
    </message>
    <message>
        <source>Mark as published</source>
        <translation>Отметить как опубликованную</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Переместить в корзину</translation>
    </message>
    <message>
        <source>Restore from trash</source>
        <translation>Восстановить из корзины</translation>
    </message>
    <message>
        <source>Edit the text</source>
        <translation>Редактировать текст</translation>
    </message>
    <message>
        <source>Change the planned date</source>
        <translation>Изменить дату публикации</translation>
    </message>
    <message>
        <source>Create articles</source>
        <translation>Создавать статьи</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментировать</translation>
    </message>
</context>
</TS>
