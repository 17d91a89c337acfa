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
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>Close Editorial Desk</source>
        <translation>Закрыть «Редакционный стол»</translation>
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
        <source>&amp;About Editorial Desk</source>
        <translation>&amp;О программе</translation>
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
        <source>&amp;Planned:</source>
        <translation>&amp;Публикация:</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Select an article in the list, or create a new one with File → New Article.</source>
        <translation>Выберите статью в списке или создайте новую: Файл → Новая статья.</translation>
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
        <source>User: {name} ({login})</source>
        <translation>Пользователь: {name} ({login})</translation>
    </message>
    <message>
        <source>User: {login}</source>
        <translation>Пользователь: {login}</translation>
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
        <source>Saved “{title}” (version {version}).</source>
        <translation>«{title}» сохранена (версия {version}).</translation>
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
</TS>
