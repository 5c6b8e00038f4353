<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Backup</name>
    <message>
        <source>Backups cover SQLite data folders only.</source>
        <translation>Las copias de seguridad solo abarcan carpetas de datos SQLite.</translation>
    </message>
    <message>
        <source>There is no database to back up at {path}.</source>
        <translation>No hay ninguna base de datos de la que hacer una copia de seguridad en {path}.</translation>
    </message>
    <message>
        <source>{path} has no {manifest}: it is not a backup, or an unfinished one</source>
        <translation>{path} no tiene {manifest}: no es una copia de seguridad, o es una sin terminar</translation>
    </message>
    <message>
        <source>its {manifest} cannot be read ({problem})</source>
        <translation>su {manifest} no se puede leer ({problem})</translation>
    </message>
    <message>
        <source>it was written in backup format {found}, which this version does not read (it reads format {expected})</source>
        <translation>se escribió en el formato de copia de seguridad {found}, que esta versión no lee (lee el formato {expected})</translation>
    </message>
    <message>
        <source>its {manifest} lacks required fields</source>
        <translation>a su {manifest} le faltan campos obligatorios</translation>
    </message>
    <message>
        <source>its database file is missing</source>
        <translation>falta su archivo de base de datos</translation>
    </message>
    <message>
        <source>its database file was changed or damaged after the backup was made</source>
        <translation>su archivo de base de datos se modificó o se dañó después de hacer la copia de seguridad</translation>
    </message>
    <message>
        <source>its database fails SQLite&apos;s integrity check: {problems}</source>
        <translation>su base de datos no supera la comprobación de integridad de SQLite: {problems}</translation>
    </message>
    <message>
        <source>its list of evidence files does not match its database</source>
        <translation>su lista de archivos de evidencias no coincide con su base de datos</translation>
    </message>
    <message>
        <source>its database cannot be read ({problem})</source>
        <translation>su base de datos no se puede leer ({problem})</translation>
    </message>
    <message>
        <source>evidence file {sha} was missing from the store when it was made</source>
        <translation>el archivo de evidencias {sha} faltaba en el almacén cuando se hizo la copia</translation>
    </message>
    <message>
        <source>signing key file {name} is missing</source>
        <translation>falta el archivo de clave de firma {name}</translation>
    </message>
    <message>
        <source>signing key file {name} was changed or damaged</source>
        <translation>el archivo de clave de firma {name} se ha cambiado o está dañado</translation>
    </message>
    <message>
        <source>evidence file {sha} is missing</source>
        <translation>falta el archivo de evidencias {sha}</translation>
    </message>
    <message>
        <source>evidence file {sha} no longer matches its hash</source>
        <translation>el archivo de evidencias {sha} ya no coincide con su hash</translation>
    </message>
    <message>
        <source>The backup {name} cannot be restored: {problems}; and {count} more. Nothing was changed.</source>
        <translation>La copia de seguridad {name} no se puede restaurar: {problems}; y {count} problemas más. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup {name} cannot be restored: {problems}. Nothing was changed.</source>
        <translation>La copia de seguridad {name} no se puede restaurar: {problems}. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup {name} cannot be restored: its database has no schema version, so it was not made by Portfolio Reviewer. Nothing was changed.</source>
        <translation>La copia de seguridad {name} no se puede restaurar: su base de datos no tiene versión de esquema, así que no la hizo Portfolio Reviewer. No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The data folder {path} is in use by Portfolio Reviewer (a window or a command has it open). Close it and try again; nothing was changed.</source>
        <translation>La carpeta de datos {path} está en uso por Portfolio Reviewer (una ventana o un comando la tiene abierta). Ciérrela y vuelva a intentarlo; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup {name} (schema {schema}) was made by a newer version of Portfolio Reviewer. Install that version or newer to restore it; nothing was changed.</source>
        <translation>La copia de seguridad {name} (esquema {schema}) se hizo con una versión más reciente de Portfolio Reviewer. Instale esa versión u otra posterior para restaurarla; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The backup&apos;s evidence file {sha} changed while being restored.</source>
        <translation>El archivo de evidencias {sha} de la copia de seguridad cambió mientras se restauraba.</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <source>{bundle} could not be saved ({problem}); nothing of it was kept</source>
        <translation>{bundle} no se pudo guardar ({problem}); no se ha conservado nada</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>ya se había importado</translation>
    </message>
    <message>
        <source>conflicts with submission {submission}, already imported from {source} with different content; nothing was changed</source>
        <translation>entra en conflicto con la entrega {submission}, ya importada desde {source} con otro contenido; no se ha cambiado nada</translation>
    </message>
    <message>
        <source>is larger than the limit of {limit} bytes for one file</source>
        <translation>supera el límite de {limit} bytes por archivo</translation>
    </message>
    <message>
        <source>cannot be extracted: its zip entry is damaged ({problem})</source>
        <translation>no se puede extraer: su entrada del zip está dañada ({problem})</translation>
    </message>
    <message>
        <source>cannot be read ({problem})</source>
        <translation>no se puede leer ({problem})</translation>
    </message>
    <message>
        <source>holds {size} bytes but the bundle declares {declared}</source>
        <translation>tiene {size} bytes, pero el paquete declara {declared}</translation>
    </message>
    <message>
        <source>does not match its hash in manifest.json (expected {expected}, found {found}): the file is damaged or was changed</source>
        <translation>no coincide con su hash en manifest.json (se esperaba {expected} y se encontró {found}): el archivo está dañado o se ha modificado</translation>
    </message>
    <message>
        <source>is larger than {limit} bytes</source>
        <translation>supera los {limit} bytes</translation>
    </message>
    <message>
        <source>{field}.path {path} is absolute; it must be relative</source>
        <translation>{field}.path {path} es una ruta absoluta; debe ser relativa</translation>
    </message>
    <message>
        <source>{field}.path {path} has a &apos;..&apos; segment, which would leave the bundle</source>
        <translation>{field}.path {path} tiene un segmento &apos;..&apos;, que saldría del paquete</translation>
    </message>
    <message>
        <source>is not a valid manifest: {problem}</source>
        <translation>no es un manifiesto válido: {problem}</translation>
    </message>
    <message>
        <source>is not a valid manifest: submitted_at must be an RFC 3339 date-time with an offset, such as 2026-10-03T14:22:05-05:00 (not {value})</source>
        <translation>no es un manifiesto válido: submitted_at debe ser una fecha y hora RFC 3339 con desfase horario, como 2026-10-03T14:22:05-05:00 (no {value})</translation>
    </message>
    <message>
        <source>evidence[{position}] lists {path}, which is not in the bundle</source>
        <translation>evidence[{position}] indica {path}, que no está en el paquete</translation>
    </message>
    <message>
        <source>the earner&apos;s id is {earner} but their email is given as {email}: the credential will go to {email}; check with the earner which is right</source>
        <translation>el identificador de la persona es {earner}, pero su correo figura como {email}: la credencial irá a {email}; confirme con la persona cuál es el correcto</translation>
    </message>
    <message>
        <source>{count} file(s) in the bundle are listed in no evidence item and were ignored: {files} and more</source>
        <translation>{count} archivo(s) del paquete no figuran en ningún elemento de evidencia y se han ignorado: {files} y otros</translation>
    </message>
    <message>
        <source>{count} file(s) in the bundle are listed in no evidence item and were ignored: {files}</source>
        <translation>{count} archivo(s) del paquete no figuran en ningún elemento de evidencia y se han ignorado: {files}</translation>
    </message>
    <message>
        <source>holds no files</source>
        <translation>no contiene ningún archivo</translation>
    </message>
    <message>
        <source>a loose bundle: check the earner&apos;s name and assign a micro-credential</source>
        <translation>un paquete suelto: compruebe el nombre del participante y asigne una microcredencial</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>no existe</translation>
    </message>
    <message>
        <source>is not a zip file or a folder</source>
        <translation>no es un archivo zip ni una carpeta</translation>
    </message>
    <message>
        <source>a folder the Mac archive tool adds, not a bundle</source>
        <translation>una carpeta que añade el compresor de Mac, no un paquete</translation>
    </message>
    <message>
        <source>a file the Mac Finder keeps, not a bundle</source>
        <translation>un archivo que guarda el Finder de Mac, no un paquete</translation>
    </message>
    <message>
        <source>a Windows thumbnail cache, not a bundle</source>
        <translation>una caché de miniaturas de Windows, no un paquete</translation>
    </message>
    <message>
        <source>a Windows folder setting, not a bundle</source>
        <translation>un ajuste de carpeta de Windows, no un paquete</translation>
    </message>
    <message>
        <source>a Mac resource fork, not a bundle</source>
        <translation>una bifurcación de recursos de Mac, no un paquete</translation>
    </message>
    <message>
        <source>a hidden file, not a bundle</source>
        <translation>un archivo oculto, no un paquete</translation>
    </message>
    <message>
        <source>a README file, not a bundle</source>
        <translation>un archivo LÉAME (README), no un paquete</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacío</translation>
    </message>
    <message>
        <source>has more than {limit} files, the limit for one bundle</source>
        <translation>tiene más de {limit} archivos, el límite para un paquete</translation>
    </message>
    <message>
        <source>is {size} bytes, more than the limit of {limit} for one file</source>
        <translation>ocupa {size} bytes, más que el límite de {limit} por archivo</translation>
    </message>
    <message>
        <source>holds more than {limit} bytes, the limit for one bundle</source>
        <translation>contiene más de {limit} bytes, el límite para un paquete</translation>
    </message>
    <message>
        <source>is a symbolic link, which a bundle may not hold</source>
        <translation>es un enlace simbólico, que un paquete no puede contener</translation>
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket)</source>
        <translation>no es un archivo normal (es un dispositivo, una tubería o un socket)</translation>
    </message>
    <message>
        <source>is not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>is a symbolic link</source>
        <translation>es un enlace simbólico</translation>
    </message>
    <message>
        <source>is not a readable zip file ({problem})</source>
        <translation>no es un archivo zip legible ({problem})</translation>
    </message>
    <message>
        <source>has {count} entries, more than the limit of {limit}</source>
        <translation>tiene {count} entradas, más que el límite de {limit}</translation>
    </message>
    <message>
        <source>has an absolute path, which a bundle may not hold</source>
        <translation>tiene una ruta absoluta, que un paquete no puede contener</translation>
    </message>
    <message>
        <source>has a &apos;..&apos; segment that would land outside the bundle</source>
        <translation>tiene un segmento &apos;..&apos; que quedaría fuera del paquete</translation>
    </message>
    <message>
        <source>has a NUL character in its name</source>
        <translation>tiene un carácter NUL en su nombre</translation>
    </message>
    <message>
        <source>is not a readable zip file: it is damaged or incomplete</source>
        <translation>no es un archivo zip legible: está dañado o incompleto</translation>
    </message>
    <message>
        <source>has an entry with an empty name</source>
        <translation>tiene una entrada con el nombre vacío</translation>
    </message>
    <message>
        <source>has a backslash in its name, which a bundle may not hold (zip the folder again with another tool)</source>
        <translation>tiene una barra invertida en el nombre, que un paquete no puede contener (vuelva a comprimir la carpeta con otra herramienta)</translation>
    </message>
    <message>
        <source>is encrypted; bundles must not be password-protected</source>
        <translation>está cifrado; los paquetes no deben estar protegidos con contraseña</translation>
    </message>
    <message>
        <source>appears twice in the zip</source>
        <translation>aparece dos veces en el zip</translation>
    </message>
    <message>
        <source>expands {ratio} times (from {packed} to {size} bytes), more than the limit of {limit}:1 (a zip bomb)</source>
        <translation>se expande {ratio} veces (de {packed} a {size} bytes), más que el límite de {limit}:1 (una bomba zip)</translation>
    </message>
    <message>
        <source>is {size} bytes, more than the limit of {limit} for one bundle</source>
        <translation>ocupa {size} bytes, más que el límite de {limit} para un paquete</translation>
    </message>
    <message>
        <source>cannot be extracted: it is damaged ({problem})</source>
        <translation>no se puede extraer: está dañado ({problem})</translation>
    </message>
    <message>
        <source>could not be read ({problem}); nothing of it was kept</source>
        <translation>no se pudo leer ({problem}); no se guardó nada de él</translation>
    </message>
    <message>
        <source>could not be written to the store ({problem})</source>
        <translation>no se pudo escribir en el almacén ({problem})</translation>
    </message>
    <message>
        <source>the earner {earner} is already known as {known_name} &lt;{known_email}&gt;, but this bundle says {name} &lt;{email}&gt;; its credential will go to this bundle&apos;s own name and email: check with the earner which is right before deciding</source>
        <translation>la persona {earner} ya figura como {known_name} &lt;{known_email}&gt;, pero este paquete dice {name} &lt;{email}&gt;; su credencial irá al nombre y al correo de este paquete: confirme con la persona cuál es el correcto antes de decidir</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <source>{given!r} could name {count} micro-credentials here; give the full id of one: {candidates}.</source>
        <translation>{given!r} puede designar {count} microcredenciales aquí; indique el identificador completo de una: {candidates}.</translation>
    </message>
    <message>
        <source>There is no micro-credential {given!r} here; &apos;reviewer-app definitions list&apos; shows them.</source>
        <translation>Aquí no hay ninguna microcredencial {given!r}; &apos;reviewer-app definitions list&apos; las muestra.</translation>
    </message>
</context>
<context>
    <name>DataFolder</name>
    <message>
        <source>The evidence file {sha} in the team database is damaged (its bytes hash to {found}), so it was not used. Whoever administers the team database can find it with “reviewer-app check”.</source>
        <translation>El archivo de evidencia {sha} de la base de datos del equipo está dañado (sus bytes dan el hash {found}), así que no se usó. Quien administra la base de datos del equipo puede localizarlo con “reviewer-app check”.</translation>
    </message>
    <message>
        <source>more than {limit} bytes</source>
        <translation>más de {limit} bytes</translation>
    </message>
    <message>
        <source>row {row} refers to a missing {table} row</source>
        <translation>la fila {row} remite a una fila de {table} que no existe</translation>
    </message>
    <message>
        <source>{name} (submission row {row})</source>
        <translation>{name} (fila de entrega {row})</translation>
    </message>
    <message>
        <source>the stored file is missing</source>
        <translation>falta el archivo almacenado</translation>
    </message>
    <message>
        <source>the stored file used by {user} is missing</source>
        <translation>falta el archivo almacenado que usa {user}</translation>
    </message>
    <message>
        <source>the stored file no longer matches its hash (it now hashes to {found})</source>
        <translation>el archivo almacenado ya no coincide con su hash (ahora su hash es {found})</translation>
    </message>
    <message>
        <source>the stored file used by {user} no longer matches its hash (it now hashes to {found})</source>
        <translation>el archivo almacenado que usa {user} ya no coincide con su hash (ahora su hash es {found})</translation>
    </message>
    <message>
        <source>the stored file changed size</source>
        <translation>el archivo almacenado cambió de tamaño</translation>
    </message>
    <message>
        <source>the stored file used by {user} changed size</source>
        <translation>el archivo almacenado que usa {user} cambió de tamaño</translation>
    </message>
    <message>
        <source>the stored file: {problem}</source>
        <translation>el archivo almacenado: {problem}</translation>
    </message>
    <message>
        <source>the stored file used by {user}: {problem}</source>
        <translation>el archivo almacenado que usa {user}: {problem}</translation>
    </message>
    <message>
        <source>the copy of the stored file cached on this computer was damaged (it hashed to {found}); it was removed and will be fetched again from the team database</source>
        <translation>la copia del archivo almacenado que guardaba este equipo estaba dañada (daba el hash {found}); se eliminó y se volverá a traer de la base de datos del equipo</translation>
    </message>
    <message>
        <source>the copy of the stored file used by {user} cached on this computer was damaged (it hashed to {found}); it was removed and will be fetched again from the team database</source>
        <translation>la copia del archivo almacenado que usa {user}, guardada en este equipo, estaba dañada (daba el hash {found}); se eliminó y se volverá a traer de la base de datos del equipo</translation>
    </message>
    <message>
        <source>checking stored files</source>
        <translation>comprobando los archivos almacenados</translation>
    </message>
    <message>
        <source>a file in the store that no record refers to</source>
        <translation>un archivo del almacén al que no remite ningún registro</translation>
    </message>
    <message>
        <source>Cannot use {path} as a data folder: {problem}.</source>
        <translation>No se puede usar {path} como carpeta de datos: {problem}.</translation>
    </message>
    <message>
        <source>Cannot write to the data folder {path}.</source>
        <translation>No se puede escribir en la carpeta de datos {path}.</translation>
    </message>
    <message>
        <source>The database in {path} cannot be read ({problem}). Restore it from a backup or choose another data folder.</source>
        <translation>La base de datos de {path} no se puede leer ({problem}). Restáurela desde una copia de seguridad o elija otra carpeta de datos.</translation>
    </message>
    <message>
        <source>Another Portfolio Reviewer is importing into {path}; try again when it has finished.</source>
        <translation>Otro Portfolio Reviewer está importando en {path}; vuelva a intentarlo cuando haya terminado.</translation>
    </message>
    <message>
        <source>The database {path} was not made by Portfolio Reviewer (it has tables {tables} but no schema version). Choose another data folder.</source>
        <translation>La base de datos {path} no la creó Portfolio Reviewer (tiene las tablas {tables}, pero ninguna versión de esquema). Elija otra carpeta de datos.</translation>
    </message>
    <message>
        <source>The data folder&apos;s database (schema {schema}) was written by a newer version of Portfolio Reviewer. Install that version or newer to open it; nothing was changed.</source>
        <translation>La base de datos de la carpeta de datos (esquema {schema}) la escribió una versión más reciente de Portfolio Reviewer. Instale esa versión u otra posterior para abrirla; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Another Portfolio Reviewer kept the data folder busy for {seconds} seconds, so this change was not made. Try again when it has finished; nothing was changed.</source>
        <translation>Otro Portfolio Reviewer ha mantenido ocupada la carpeta de datos durante {seconds} segundos, así que este cambio no se ha hecho. Vuelva a intentarlo cuando haya terminado; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The disk that holds {path} is full ({free} free). Free at least {needed} and try again; what was saved before is intact, so there is nothing to restore.</source>
        <translation>El disco que contiene {path} está lleno ({free} libres). Libere al menos {needed} y vuelva a intentarlo; lo que se guardó antes está intacto, así que no hay nada que restaurar.</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>Could not use the data folder&apos;s database ({detail}).</source>
        <translation>No se pudo usar la base de datos de la carpeta de datos ({detail}).</translation>
    </message>
    <message>
        <source>The team database does not allow your login this ({reason}); nothing was changed. A lead can do it, or give you the submission.</source>
        <translation>La base de datos del equipo no permite esto a su usuario ({reason}); no se cambió nada. Puede hacerlo un responsable de equipo, o asignarle la entrega.</translation>
    </message>
    <message>
        <source>The file {path} changed while it was being stored; nothing was stored.</source>
        <translation>El archivo {path} cambió mientras se almacenaba; no se almacenó nada.</translation>
    </message>
    <message>
        <source>The evidence file {sha} could not be read from the team database: {problem}</source>
        <translation>No se pudo leer el archivo de evidencia {sha} de la base de datos del equipo: {problem}</translation>
    </message>
    <message>
        <source>the database has no such file, or your login may not read it.</source>
        <translation>la base de datos no tiene ese archivo, o su usuario no puede leerlo.</translation>
    </message>
    <message>
        <source>its piece {seq} is missing.</source>
        <translation>falta su fragmento {seq}.</translation>
    </message>
    <message>
        <source>pieces of it are missing in the team database (numbers {pieces})</source>
        <translation>le faltan fragmentos en la base de datos del equipo (números {pieces})</translation>
    </message>
    <message>
        <source>its pieces in the team database hold {found} bytes instead of {size}</source>
        <translation>sus fragmentos en la base de datos del equipo suman {found} bytes en lugar de {size}</translation>
    </message>
    <message>
        <source>its bytes in the team database no longer match its hash (they hash to {found})</source>
        <translation>sus bytes en la base de datos del equipo ya no coinciden con su hash (dan {found})</translation>
    </message>
</context>
<context>
    <name>DefinitionCheck</name>
    <message>
        <source>version {version} of {id} is already added with other content; give the changed definition a higher version</source>
        <translation>la versión {version} de {id} ya se añadió con otro contenido; asigne a la definición modificada una versión superior</translation>
    </message>
    <message>
        <source>edit of {id}</source>
        <translation>edición de {id}</translation>
    </message>
    <message>
        <source>an edit cannot change the micro-credential&apos;s id</source>
        <translation>una edición no puede cambiar el id de la microcredencial</translation>
    </message>
    <message>
        <source>is larger than {limit} bytes</source>
        <translation>supera los {limit} bytes</translation>
    </message>
    <message>
        <source>cannot be read ({problem})</source>
        <translation>no se puede leer ({problem})</translation>
    </message>
    <message>
        <source>must hold a JSON object</source>
        <translation>debe contener un objeto JSON</translation>
    </message>
    <message>
        <source>must be &quot;{definition}&quot; or &quot;{pathway}&quot;, not {found}</source>
        <translation>debe ser &quot;{definition}&quot; o &quot;{pathway}&quot;, no {found}</translation>
    </message>
    <message>
        <source>{level} is not a level of the rubric&apos;s scale ({levels})</source>
        <translation>{level} no es un nivel de la escala de la rúbrica ({levels})</translation>
    </message>
    <message>
        <source>{id} is used by another part</source>
        <translation>otra parte ya usa {id}</translation>
    </message>
    <message>
        <source>{id} is used by another criterion (ids are unique across the whole rubric)</source>
        <translation>otro criterio ya usa {id} (los id son únicos en toda la rúbrica)</translation>
    </message>
    <message>
        <source>this criterion&apos;s own scale has no level {level}, which rubric.pass.every_criterion_at_least names</source>
        <translation>la escala propia de este criterio no tiene el nivel {level}, que nombra rubric.pass.every_criterion_at_least</translation>
    </message>
    <message>
        <source>{level} is not a level of this criterion&apos;s scale ({levels})</source>
        <translation>{level} no es un nivel de la escala de este criterio ({levels})</translation>
    </message>
    <message>
        <source>{field}.descriptors: no descriptor for {levels}</source>
        <translation>{field}.descriptors: no hay descriptor para {levels}</translation>
    </message>
    <message>
        <source>{id} is not a criterion id</source>
        <translation>{id} no es un id de criterio</translation>
    </message>
    <message>
        <source>{id} is used by another level</source>
        <translation>otro nivel ya usa {id}</translation>
    </message>
    <message>
        <source>rubric.pass.total_points_at_least needs points on every level, and {levels} has none</source>
        <translation>rubric.pass.total_points_at_least necesita puntos en todos los niveles, y {levels} no los tiene</translation>
    </message>
    <message>
        <source>{threshold} can never be reached: the most a review can score is {best}</source>
        <translation>{threshold} nunca se puede alcanzar: la puntuación máxima de una revisión es {best}</translation>
    </message>
    <message>
        <source>{name} must be a path relative to the definition file</source>
        <translation>{name} debe ser una ruta relativa al archivo de definición</translation>
    </message>
    <message>
        <source>{name} is not a file name</source>
        <translation>{name} no es un nombre de archivo</translation>
    </message>
    <message>
        <source>{name} is larger than 5 MB</source>
        <translation>{name} supera los 5 MB</translation>
    </message>
    <message>
        <source>{name} was not found next to the definition</source>
        <translation>{name} no se encontró junto a la definición</translation>
    </message>
    <message>
        <source>{name} cannot be read ({problem})</source>
        <translation>{name} no se puede leer ({problem})</translation>
    </message>
    <message>
        <source>{name} is neither a PNG nor an SVG image</source>
        <translation>{name} no es una imagen PNG ni SVG</translation>
    </message>
</context>
<context>
    <name>EvidenceFiles</name>
    <message>
        <source>making evidence searchable</source>
        <translation>preparando las evidencias para la búsqueda</translation>
    </message>
    <message>
        <source>could not be prepared for viewing ({problem})</source>
        <translation>no se pudo preparar para su visualización ({problem})</translation>
    </message>
    <message>
        <source>a PDF</source>
        <translation>un PDF</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>una imagen JPEG</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>una imagen PNG</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>una imagen GIF</translation>
    </message>
    <message>
        <source>a WebP image</source>
        <translation>una imagen WebP</translation>
    </message>
    <message>
        <source>a TIFF image</source>
        <translation>una imagen TIFF</translation>
    </message>
    <message>
        <source>plain text</source>
        <translation>texto sin formato</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>texto Markdown</translation>
    </message>
    <message>
        <source>a zip file (perhaps a Word or OpenDocument file)</source>
        <translation>un archivo zip (quizá un archivo de Word u OpenDocument)</translation>
    </message>
    <message>
        <source>an MP4 video</source>
        <translation>un vídeo MP4</translation>
    </message>
    <message>
        <source>of no type we recognise</source>
        <translation>de un tipo que no reconocemos</translation>
    </message>
    <message>
        <source>is said to be a PDF but is {kind}</source>
        <translation>se declara como PDF, pero es {kind}</translation>
    </message>
    <message>
        <source>is said to be {declared} but is {kind}</source>
        <translation>se declara como {declared}, pero es {kind}</translation>
    </message>
    <message>
        <source>is said to be text but is {kind}</source>
        <translation>se declara como texto, pero es {kind}</translation>
    </message>
    <message>
        <source>declares more pixels than the limit of {limit} (a decompression bomb), so it was not opened</source>
        <translation>declara más píxeles que el límite de {limit} (una bomba de descompresión), así que no se ha abierto</translation>
    </message>
    <message>
        <source>is not an image that can be opened</source>
        <translation>no es una imagen que se pueda abrir</translation>
    </message>
    <message>
        <source>is a damaged image ({problem})</source>
        <translation>es una imagen dañada ({problem})</translation>
    </message>
    <message>
        <source>is {width} x {height} pixels, more than the limit of {limit} (a decompression bomb), so it was not opened</source>
        <translation>mide {width} x {height} píxeles, más que el límite de {limit} (una bomba de descompresión), así que no se ha abierto</translation>
    </message>
    <message>
        <source>has more than {limit} pages or frames, or takes too long to count them, so it was not opened</source>
        <translation>tiene más de {limit} páginas o fotogramas, o tarda demasiado en contarlos, así que no se abrió</translation>
    </message>
    <message>
        <source>is said to be {declared} but Pillow reads it as {found}</source>
        <translation>se declara como {declared}, pero Pillow lo lee como {found}</translation>
    </message>
    <message>
        <source>is encrypted in a way that cannot be opened here ({problem})</source>
        <translation>está cifrado de una forma que no se puede abrir aquí ({problem})</translation>
    </message>
    <message>
        <source>is encrypted with a password, so its pages cannot be read</source>
        <translation>está cifrado con contraseña, así que sus páginas no se pueden leer</translation>
    </message>
    <message>
        <source>is damaged: {problem}</source>
        <translation>está dañado: {problem}</translation>
    </message>
    <message>
        <source>{problem}; it is kept, but cannot be searched</source>
        <translation>{problem}; se conserva, pero no se pueden hacer búsquedas en él</translation>
    </message>
    <message>
        <source>is damaged: {problem}; it is kept, but cannot be searched</source>
        <translation>está dañado: {problem}; se conserva, pero no se pueden hacer búsquedas en él</translation>
    </message>
    <message>
        <source>took too long to read: the text of pages {first} to {last} was not extracted and cannot be searched</source>
        <translation>tardó demasiado en leerse: el texto de las páginas {first} a {last} no se extrajo y no se puede buscar</translation>
    </message>
    <message>
        <source>the text of page(s) {pages} could not be read</source>
        <translation>no se pudo leer el texto de la(s) página(s) {pages}</translation>
    </message>
    <message>
        <source>has no text layer (perhaps a scan): it can be read but not searched</source>
        <translation>no tiene capa de texto (quizá sea un escaneo): se puede leer, pero no se pueden hacer búsquedas en él</translation>
    </message>
    <message>
        <source>is {size} bytes, too large for a text reflection (at most {limit} bytes)</source>
        <translation>ocupa {size} bytes, demasiado para una reflexión en texto (como máximo {limit} bytes)</translation>
    </message>
    <message>
        <source>is not valid {encoding} text</source>
        <translation>no es texto {encoding} válido</translation>
    </message>
    <message>
        <source>is not UTF-8 text: byte {byte} at position {position} is not valid UTF-8 (perhaps it was saved as Windows-1252 or Latin-1); ask for it saved as UTF-8</source>
        <translation>no es texto UTF-8: el byte {byte} de la posición {position} no es UTF-8 válido (quizá se guardó como Windows-1252 o Latin-1); pida que se guarde como UTF-8</translation>
    </message>
    <message>
        <source>contains NUL characters, so it is not text</source>
        <translation>contiene caracteres NUL, así que no es texto</translation>
    </message>
    <message>
        <source>made the program reading it stop unexpectedly (perhaps the file is damaged or made to crash readers); it is kept, but cannot be searched or previewed</source>
        <translation>hizo que el programa que lo leía se detuviera de forma inesperada (quizá el archivo está dañado o hecho para bloquear a los lectores); se conserva, pero no se pueden hacer búsquedas en él ni verlo en miniatura</translation>
    </message>
    <message>
        <source>took more than {seconds} seconds to read, so reading it was stopped; it is kept, but cannot be searched or previewed</source>
        <translation>tardó más de {seconds} segundos en leerse, así que se detuvo su lectura; se conserva, pero no se pueden hacer búsquedas en él ni verlo en miniatura</translation>
    </message>
</context>
<context>
    <name>FileFormat</name>
    <message>
        <source>is not valid JSON: {name} is not a number JSON allows</source>
        <translation>no es JSON válido: {name} no es un número que JSON admita</translation>
    </message>
    <message>
        <source>holds the number {number}, larger than this program accepts</source>
        <translation>contiene el número {number}, mayor de lo que este programa acepta</translation>
    </message>
    <message>
        <source>is not accepted: the key {key} appears twice in one object, so it is unclear which value is meant</source>
        <translation>no se acepta: la clave {key} aparece dos veces en un mismo objeto, así que no está claro qué valor vale</translation>
    </message>
    <message>
        <source>is not accepted: it nests more than {limit} levels deep</source>
        <translation>no se acepta: anida más de {limit} niveles de profundidad</translation>
    </message>
    <message>
        <source>is not accepted: it holds a lone surrogate escape (such as \ud800), which is not a character</source>
        <translation>no se acepta: contiene un sustituto suelto (como \ud800), que no es un carácter</translation>
    </message>
    <message>
        <source>is not UTF-8 (byte {position} is not valid)</source>
        <translation>no está en UTF-8 (el byte {position} no es válido)</translation>
    </message>
    <message>
        <source>is not valid JSON: {problem} at line {line}, column {column}</source>
        <translation>no es JSON válido: {problem} en la línea {line}, columna {column}</translation>
    </message>
    <message>
        <source>is not valid JSON: {problem}</source>
        <translation>no es JSON válido: {problem}</translation>
    </message>
    <message>
        <source>must be text</source>
        <translation>debe ser texto</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>debe ser un número entero</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>debe ser un número</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>debe ser un objeto</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>debe ser una lista</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>debe ser true o false</translation>
    </message>
    <message>
        <source>must be {kind}</source>
        <translation>debe ser {kind}</translation>
    </message>
    <message>
        <source>must be 64 lowercase hexadecimal characters (a SHA-256)</source>
        <translation>debe tener 64 caracteres hexadecimales en minúscula (un SHA-256)</translation>
    </message>
    <message>
        <source>must be a URI such as https://example.org/badges/1</source>
        <translation>debe ser un URI como https://example.org/badges/1</translation>
    </message>
    <message>
        <source>must not hold control characters (such as NUL, a line break or an escape) or right-to-left overrides</source>
        <translation>no debe contener caracteres de control (como NUL, un salto de línea o un escape) ni marcas de escritura de derecha a izquierda</translation>
    </message>
    <message>
        <source>must be of the form {pattern}</source>
        <translation>debe tener la forma {pattern}</translation>
    </message>
    <message>
        <source>the required field {field} is missing</source>
        <translation>falta el campo obligatorio {field}</translation>
    </message>
    <message>
        <source>must be exactly {expected}, not {found}</source>
        <translation>debe ser exactamente {expected}, no {found}</translation>
    </message>
    <message>
        <source>must be one of {options}</source>
        <translation>debe ser uno de estos valores: {options}</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>no debe estar vacío</translation>
    </message>
    <message>
        <source>needs at least {count} characters</source>
        <translation>necesita al menos {count} caracteres</translation>
    </message>
    <message>
        <source>is longer than {count} characters</source>
        <translation>tiene más de {count} caracteres</translation>
    </message>
    <message>
        <source>must be at least {value}</source>
        <translation>debe ser como mínimo {value}</translation>
    </message>
    <message>
        <source>must be at most {value}</source>
        <translation>debe ser como máximo {value}</translation>
    </message>
    <message>
        <source>must be more than {value}</source>
        <translation>debe ser mayor que {value}</translation>
    </message>
    <message>
        <source>needs at least 1 entry</source>
        <translation>necesita al menos 1 elemento</translation>
    </message>
    <message>
        <source>needs at least {count} entries</source>
        <translation>necesita al menos {count} elementos</translation>
    </message>
    <message>
        <source>lists the same entry more than once</source>
        <translation>incluye el mismo elemento más de una vez</translation>
    </message>
    <message>
        <source>has fields this format does not know: {fields}</source>
        <translation>tiene campos que este formato no conoce: {fields}</translation>
    </message>
</context>
<context>
    <name>Grades</name>
    <message>
        <source>The gradebook has no single column for the assignment {assignment!r}; its assignments are: {choices}.</source>
        <translation>El libro de calificaciones no tiene una única columna para la tarea {assignment!r}; sus tareas son: {choices}.</translation>
    </message>
    <message>
        <source>This is not a Canvas gradebook export: it has no single &apos;ID&apos; column (its columns start: {names}).</source>
        <translation>Esto no es una exportación del libro de calificaciones de Canvas: no tiene una única columna &apos;ID&apos; (sus columnas empiezan: {names}).</translation>
    </message>
    <message>
        <source>Name the assignment&apos;s column, as &apos;TITLE (ID)&apos;, with --assignment.</source>
        <translation>Indique la columna de la tarea, como &apos;TÍTULO (ID)&apos;, con --assignment.</translation>
    </message>
    <message>
        <source>The grade for {outcome} is empty: give a word or points.</source>
        <translation>La calificación para {outcome} está vacía: indique una palabra o puntos.</translation>
    </message>
    <message>
        <source>The grade for {outcome} must be on one line.</source>
        <translation>La calificación para {outcome} debe ocupar una sola línea.</translation>
    </message>
    <message>
        <source>--columns takes ROLE=COLUMN pairs, ROLE one of id, grade, feedback and COLUMN a column name or number, not {spec!r}.</source>
        <translation>--columns admite pares PAPEL=COLUMNA, con PAPEL uno de id, grade, feedback y COLUMNA un nombre o número de columna, no {spec!r}.</translation>
    </message>
    <message>
        <source>The worksheet has {count} columns named {column!r}; its columns are: {names}.</source>
        <translation>La hoja tiene {count} columnas llamadas {column!r}; sus columnas son: {names}.</translation>
    </message>
    <message>
        <source>Could not tell which column identifies the students (Moodle&apos;s &apos;Participant 123&apos; values): name it with --columns id=COLUMN; the columns are: {names}.</source>
        <translation>No se pudo saber qué columna identifica a los estudiantes (los valores &apos;Participante 123&apos; de Moodle): indíquela con --columns id=COLUMNA; las columnas son: {names}.</translation>
    </message>
    <message>
        <source>Could not tell which column holds the grade</source>
        <translation>No se pudo saber qué columna tiene la calificación</translation>
    </message>
    <message>
        <source>Could not tell which column holds the feedback comments (is Moodle&apos;s feedback comments plugin on?); --columns feedback=none fills grades only</source>
        <translation>No se pudo saber qué columna tiene los comentarios de retroalimentación (¿está activo el complemento de comentarios de Moodle?); --columns feedback=none rellena solo las calificaciones</translation>
    </message>
    <message>
        <source>{hint}: name it with --columns {role}=COLUMN; the columns are: {names}.</source>
        <translation>{hint}: indíquela con --columns {role}=COLUMNA; las columnas son: {names}.</translation>
    </message>
    <message>
        <source>The worksheet has a header but no students.</source>
        <translation>La hoja tiene encabezado pero ningún estudiante.</translation>
    </message>
    <message>
        <source>The id column cannot be none.</source>
        <translation>La columna id no puede ser none.</translation>
    </message>
    <message>
        <source>The grade column cannot be none.</source>
        <translation>La columna de la calificación no puede ser none.</translation>
    </message>
    <message>
        <source>The id, grade and feedback columns must be different columns.</source>
        <translation>Las columnas id, grade y feedback deben ser columnas distintas.</translation>
    </message>
    <message>
        <source>The worksheet is UTF-16 text (a spreadsheet&apos;s &apos;Unicode text&apos;), not CSV: save it as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>La hoja es texto UTF-16 (el &apos;texto Unicode&apos; de una hoja de cálculo), no CSV: guárdela como &apos;CSV UTF-8&apos; e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The worksheet is not UTF-8 text (byte {byte} at position {at} is not UTF-8): save it as &apos;CSV UTF-8&apos;, or name its encoding, e.g. --encoding cp1252.</source>
        <translation>La hoja no es texto UTF-8 (el byte {byte} en la posición {at} no es UTF-8): guárdela como &apos;CSV UTF-8&apos; o indique su codificación, p. ej. --encoding cp1252.</translation>
    </message>
    <message>
        <source>There is no text encoding called {name}.</source>
        <translation>No existe ninguna codificación de texto llamada {name}.</translation>
    </message>
    <message>
        <source>The worksheet is not {name} text (byte {byte} at position {at}).</source>
        <translation>La hoja no es texto {name} (byte {byte} en la posición {at}).</translation>
    </message>
    <message>
        <source>The worksheet&apos;s first row is not a CSV header: it has no commas or semicolons between its column names.</source>
        <translation>La primera fila de la hoja no es un encabezado CSV: no tiene comas ni puntos y coma entre los nombres de las columnas.</translation>
    </message>
    <message>
        <source>Row {row} of the worksheet opens a quoted cell that never ends: the file is cut short or damaged.</source>
        <translation>La fila {row} de la hoja abre una celda entre comillas que nunca termina: el archivo está cortado o dañado.</translation>
    </message>
    <message>
        <source>The worksheet is empty.</source>
        <translation>La hoja está vacía.</translation>
    </message>
    <message>
        <source>The worksheet is not a CSV file (it holds binary data, as a spreadsheet file such as .xlsx does): save it as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>La hoja no es un archivo CSV (contiene datos binarios, como un archivo de hoja de cálculo .xlsx): guárdela como &apos;CSV UTF-8&apos; e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The worksheet&apos;s encoding ({encoding}) cannot hold the character {char!r} of the new text: save the worksheet as &apos;CSV UTF-8&apos; and try again.</source>
        <translation>La codificación de la hoja ({encoding}) no admite el carácter {char!r} del texto nuevo: guarde la hoja como &apos;CSV UTF-8&apos; e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The worksheet {path} is {mb} MB, more than a worksheet can be.</source>
        <translation>La hoja {path} ocupa {mb} MB, más de lo que puede ocupar una hoja de calificaciones.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a worksheet.</source>
        <translation>{path} es una carpeta, no una hoja de calificaciones.</translation>
    </message>
    <message>
        <source>Could not read the worksheet {path}: {reason}</source>
        <translation>No se pudo leer la hoja {path}: {reason}</translation>
    </message>
    <message>
        <source>Grades go to {choices}, not {target!r}.</source>
        <translation>Las calificaciones van a {choices}, no a {target!r}.</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Superado</translation>
    </message>
    <message>
        <source>Not Yet</source>
        <translation>Aún no</translation>
    </message>
    <message>
        <source>The worksheet shows no maximum grade to give for Pass: give the grades with --pass-grade and --not-yet-grade (a scale word or points).</source>
        <translation>La hoja no muestra una calificación máxima para dar a Superado: indique las calificaciones con --pass-grade y --not-yet-grade (una palabra de la escala o puntos).</translation>
    </message>
    <message>
        <source>The grade for {outcome}, {value}, is more than the worksheet&apos;s maximum, {maximum}.</source>
        <translation>La calificación para {outcome}, {value}, supera la máxima de la hoja, {maximum}.</translation>
    </message>
    <message>
        <source>the same student is in {count} rows of the worksheet</source>
        <translation>el mismo estudiante aparece en {count} filas de la hoja</translation>
    </message>
    <message>
        <source>several submissions here could be this row&apos;s ({ids}): name the assignment&apos;s prefix with --prefix</source>
        <translation>varias entregas de aquí podrían ser de esta fila ({ids}): indique el prefijo de la tarea con --prefix</translation>
    </message>
    <message>
        <source>anonymous: the worksheet names students by their ids</source>
        <translation>anónima: la hoja nombra a los estudiantes por sus identificadores</translation>
    </message>
    <message>
        <source>no row in the worksheet</source>
        <translation>sin fila en la hoja</translation>
    </message>
    <message>
        <source>the row has {count} cells, too few to reach the grade and feedback</source>
        <translation>la fila tiene {count} celdas, demasiado pocas para llegar a la calificación y la retroalimentación</translation>
    </message>
    <message>
        <source>Moodle says this grade cannot be changed (locked or overridden)</source>
        <translation>Moodle indica que esta calificación no se puede cambiar (bloqueada o anulada)</translation>
    </message>
    <message>
        <source>Write the filled worksheet to another file: the downloaded one is kept as it was.</source>
        <translation>Escriba la hoja rellenada en otro archivo: la descargada se conserva como estaba.</translation>
    </message>
    <message>
        <source>Could not write the worksheet to {path}: {reason}</source>
        <translation>No se pudo escribir la hoja en {path}: {reason}</translation>
    </message>
</context>
<context>
    <name>LmsImport</name>
    <message>
        <source>{path} is not a zip file.</source>
        <translation>{path} no es un archivo zip.</translation>
    </message>
    <message>
        <source>{path} is not a readable zip file ({problem}).</source>
        <translation>{path} no es un archivo zip legible ({problem}).</translation>
    </message>
    <message>
        <source>{path} could be a Moodle download or a Canvas one: its file names fit both. Say which with --from moodle or --from canvas.</source>
        <translation>{path} podría ser una descarga de Moodle o de Canvas: los nombres de sus archivos encajan con ambas. Indique cuál con --from moodle o --from canvas.</translation>
    </message>
    <message>
        <source>{path} is not a Moodle or Canvas submissions download: its file names are not the ones those platforms give (an evidence bundle is imported without --from and --credential).</source>
        <translation>{path} no es una descarga de entregas de Moodle ni de Canvas: los nombres de sus archivos no son los que dan esas plataformas (un paquete de evidencias se importa sin --from ni --credential).</translation>
    </message>
    <message>
        <source>is not named the way {platform} names a student&apos;s files</source>
        <translation>no tiene el nombre que {platform} da a los archivos de un estudiante</translation>
    </message>
    <message>
        <source>holds no bundles</source>
        <translation>no contiene paquetes</translation>
    </message>
    <message>
        <source>{platform} is not a platform this program reads.</source>
        <translation>{platform} no es una plataforma que este programa sepa leer.</translation>
    </message>
    <message>
        <source>The attempt must be 1 or more.</source>
        <translation>El intento debe ser 1 o más.</translation>
    </message>
    <message>
        <source>{path} holds no student&apos;s files named the way {platform} names them.</source>
        <translation>{path} no contiene archivos de estudiantes con los nombres que les da {platform}.</translation>
    </message>
    <message>
        <source>{credential} has no part {part!r}; its parts are: {parts}.</source>
        <translation>{credential} no tiene ninguna parte {part!r}; sus partes son: {parts}.</translation>
    </message>
    <message>
        <source>holds no files</source>
        <translation>no contiene ningún archivo</translation>
    </message>
    <message>
        <source>blind marking: the download gives no name for this student, only the platform&apos;s id {id}</source>
        <translation>calificación anónima: la descarga no da el nombre de este estudiante, solo el identificador de la plataforma {id}</translation>
    </message>
    <message>
        <source>submitted late, the platform says</source>
        <translation>entregado con retraso, según la plataforma</translation>
    </message>
    <message>
        <source>Website address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>Online text</source>
        <translation>Texto en línea</translation>
    </message>
</context>
<context>
    <name>OnlineText</name>
    <message>
        <source>Links:</source>
        <translation>Enlaces:</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>Imágenes:</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The setting {key} must be {kind}, not {value}.</source>
        <translation>La opción de configuración {key} debe ser de tipo {kind}, no {value}.</translation>
    </message>
    <message>
        <source>The setting {key} is one of {allowed}, not {value}.</source>
        <translation>La opción de configuración {key} debe ser uno de estos valores: {allowed}; no {value}.</translation>
    </message>
    <message>
        <source>The setting {key} is true or false, not {value}.</source>
        <translation>La opción de configuración {key} es true o false, no {value}.</translation>
    </message>
    <message>
        <source>The settings file {path} cannot be read ({problem}); the defaults apply.</source>
        <translation>El archivo de configuración {path} no se puede leer ({problem}); se aplican los valores predeterminados.</translation>
    </message>
    <message>
        <source>is damaged (not valid JSON)</source>
        <translation>está dañado (no es JSON válido)</translation>
    </message>
    <message>
        <source>is of a format this version does not know</source>
        <translation>tiene un formato que esta versión no conoce</translation>
    </message>
    <message>
        <source>The setting {key} is not known to this version; it is kept.</source>
        <translation>Esta versión no conoce la opción de configuración {key}; se conserva.</translation>
    </message>
    <message>
        <source>{problem} The default ({default}) applies.</source>
        <translation>{problem} Se aplica el valor predeterminado ({default}).</translation>
    </message>
    <message>
        <source>The settings file {path} {problem}; the defaults apply for now.</source>
        <translation>El archivo de configuración {path} {problem}; por ahora se aplican los valores predeterminados.</translation>
    </message>
    <message>
        <source>The settings file {path} {problem}; it is kept as {name} and the defaults apply.</source>
        <translation>El archivo de configuración {path} {problem}; se conserva como {name} y se aplican los valores predeterminados.</translation>
    </message>
</context>
<context>
    <name>TeamDatabase</name>
    <message>
        <source>{given!r} is not a team database: give postgresql://LOGIN@HOST:PORT/DBNAME.</source>
        <translation>{given!r} no es una base de datos de equipo: indique postgresql://USUARIO@SERVIDOR:PUERTO/BASE.</translation>
    </message>
    <message>
        <source>A password on more than one line cannot be stored.</source>
        <translation>No se puede guardar una contraseña de más de una línea.</translation>
    </message>
    <message>
        <source>Cannot read the password file {path}: {problem}.</source>
        <translation>No se puede leer el archivo de contraseña {path}: {problem}.</translation>
    </message>
    <message>
        <source>Cannot write the password file {path}: {problem}.</source>
        <translation>No se puede escribir el archivo de contraseñas {path}: {problem}.</translation>
    </message>
    <message>
        <source>The password file {path} is empty.</source>
        <translation>El archivo de contraseña {path} está vacío.</translation>
    </message>
</context>
</TS>
