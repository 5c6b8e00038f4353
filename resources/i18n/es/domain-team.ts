<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Annotations</name>
    <message>
        <source>The {what} is {length} characters long: at most {limit}.</source>
        <translation>{what}: tiene {length} caracteres, como máximo {limit}.</translation>
    </message>
    <message>
        <source>{ref!r} names {count} items; give the item&apos;s path instead.</source>
        <translation>{ref!r} designa {count} elementos; indique la ruta del elemento.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>This submission has no item {ref!r}. Its items: {known}.</source>
        <translation>Esta entrega no tiene ningún elemento {ref!r}. Sus elementos: {known}.</translation>
    </message>
    <message>
        <source>Item {item} is not part of this submission.</source>
        <translation>El elemento {item} no forma parte de esta entrega.</translation>
    </message>
    <message>
        <source>{item} is a written answer: mark a passage of it (a quote), not a rectangle.</source>
        <translation>{item} es una respuesta escrita: marque un fragmento (una cita), no un rectángulo.</translation>
    </message>
    <message>
        <source>The rectangle {rect} on {item} needs a positive width and height.</source>
        <translation>El rectángulo {rect} en {item} necesita un ancho y un alto positivos.</translation>
    </message>
    <message>
        <source>points</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>The rectangle {rect} is outside page {page} of {item}, which is {width} x {height} {unit}.</source>
        <translation>El rectángulo {rect} queda fuera de la página {page} de {item}, que mide {width} x {height} {unit}.</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>The quote is empty.</source>
        <translation>La cita está vacía.</translation>
    </message>
    <message>
        <source>{item}, page {page}</source>
        <translation>{item}, página {page}</translation>
    </message>
    <message>
        <source>{item} cannot be annotated: only PDF pages, images and written answers can.</source>
        <translation>{item} no admite anotaciones: solo las páginas PDF, las imágenes y las respuestas escritas.</translation>
    </message>
    <message>
        <source>{item} has no page {page}: it has {pages}.</source>
        <translation>{item} no tiene página {page}: tiene {pages}.</translation>
    </message>
    <message>
        <source>{item} does not contain the text {quote!r}.</source>
        <translation>{item} no contiene el texto {quote!r}.</translation>
    </message>
    <message>
        <source>comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>{reviewer}&apos;s review of {submission} has no annotation {id}.</source>
        <translation>La revisión de {reviewer} de {submission} no tiene la anotación {id}.</translation>
    </message>
</context>
<context>
    <name>Assign</name>
    <message>
        <source>The earner&apos;s name cannot be empty.</source>
        <translation>El nombre de el participante no puede estar vacío.</translation>
    </message>
    <message>
        <source>The earner&apos;s name cannot hold control characters.</source>
        <translation>El nombre de el participante no puede contener caracteres de control.</translation>
    </message>
    <message>
        <source>The earner&apos;s name is longer than {limit} characters.</source>
        <translation>El nombre de el participante tiene más de {limit} caracteres.</translation>
    </message>
    <message>
        <source>There is no submission {submission!r} here; &apos;reviewer-app submissions&apos; lists them.</source>
        <translation>Aquí no hay ninguna entrega {submission!r}; &apos;reviewer-app submissions&apos; las enumera.</translation>
    </message>
    <message>
        <source>Submission {submission} is already being reviewed for {credential}; its micro-credential and earner can no longer be changed.</source>
        <translation>La entrega {submission} ya se está revisando para {credential}; su microcredencial y su participante ya no se pueden cambiar.</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>the trail has {count} entries, but when {file} was made it had {entries}: entries were deleted since.</source>
        <translation>el registro tiene {count} entradas, pero cuando se hizo {file} tenía {entries}: desde entonces se borraron entradas.</translation>
    </message>
    <message>
        <source>entry {entries} of the trail is not the one {file} noted (its hash was {noted}…, now {now}…): the trail was rewritten up to there.</source>
        <translation>la entrada {entries} del registro no es la que anotó {file} (su hash era {noted}…, ahora es {now}…): el registro se reescribió hasta ahí.</translation>
    </message>
    <message>
        <source>the anchor in {file} is not valid.</source>
        <translation>el ancla de {file} no es válida.</translation>
    </message>
    <message>
        <source>{file} holds no audit anchor (an object with &apos;entries&apos; and &apos;head&apos;, on its own or under {key!r}).</source>
        <translation>{file} no contiene ningún ancla de auditoría (un objeto con &apos;entries&apos; y &apos;head&apos;, solo o bajo {key!r}).</translation>
    </message>
    <message>
        <source>The audit anchor in {file} is not valid: it needs &apos;entries&apos; (a whole number) and &apos;head&apos; (a SHA-256 in hex).</source>
        <translation>El ancla de auditoría de {file} no es válida: necesita &apos;entries&apos; (un número entero) y &apos;head&apos; (un SHA-256 en hexadecimal).</translation>
    </message>
    <message>
        <source>{file} is too large to be a manifest.</source>
        <translation>{file} es demasiado grande para ser un manifiesto.</translation>
    </message>
    <message>
        <source>{file} cannot be read ({problem}).</source>
        <translation>No se puede leer {file} ({problem}).</translation>
    </message>
    <message>
        <source>{file} is not a JSON file, nor a packet return.</source>
        <translation>{file} no es un archivo JSON ni la devolución de un lote de revisión.</translation>
    </message>
    <message>
        <source>{file} is a zip file without a readable {manifest}.</source>
        <translation>{file} es un archivo zip sin un {manifest} legible.</translation>
    </message>
</context>
<context>
    <name>BlindReview</name>
    <message>
        <source>Say why the earner&apos;s name is needed; it is recorded.</source>
        <translation>Indique por qué necesita el nombre del participante; queda registrado.</translation>
    </message>
    <message>
        <source>There is no submission {submission!r}.</source>
        <translation>No existe la entrega {submission!r}.</translation>
    </message>
</context>
<context>
    <name>Calibration</name>
    <message>
        <source>There is no submission {submission!r} here.</source>
        <translation>No hay ninguna entrega {submission!r} aquí.</translation>
    </message>
    <message>
        <source>{lead} is not a lead here: only a lead&apos;s review can be the reference (reviewer-app reviewers add NAME --role lead).</source>
        <translation>{lead} no es responsable de equipo aquí: solo la revisión de un responsable de equipo puede ser la referencia (reviewer-app reviewers add NAME --role lead).</translation>
    </message>
    <message>
        <source>{lead} has no submitted review of {submission}: score it first, and that review becomes the reference.</source>
        <translation>{lead} no tiene ninguna revisión enviada de {submission}: puntúela primero y esa revisión pasará a ser la referencia.</translation>
    </message>
    <message>
        <source>Unknown rule(s): {rules}.</source>
        <translation>Regla(s) desconocida(s): {rules}.</translation>
    </message>
    <message>
        <source>{rule} must be between 0 and 1, not {value}.</source>
        <translation>{rule} debe estar entre 0 y 1, no ser {value}.</translation>
    </message>
    <message>
        <source>There is no reviewer {name!r} here (reviewer-app reviewers add).</source>
        <translation>No hay ningún evaluador {name!r} aquí (reviewer-app reviewers add).</translation>
    </message>
    <message>
        <source>A set is for &apos;practice&apos; or &apos;qualifying&apos;, not {mode!r}.</source>
        <translation>Un conjunto es para &apos;practice&apos; (práctica) o &apos;qualifying&apos; (acreditación), no para {mode!r}.</translation>
    </message>
    <message>
        <source>A calibration set needs a name and at least one anchor.</source>
        <translation>Un conjunto de calibración necesita un nombre y al menos un portafolio de referencia.</translation>
    </message>
    <message>
        <source>{name} is not a lead; leads make calibration sets.</source>
        <translation>{name} no es responsable de equipo; los conjuntos de calibración los crean los responsables de equipo.</translation>
    </message>
    <message>
        <source>{submission} is not an anchor (reviewer-app calibration anchor).</source>
        <translation>{submission} no es un portafolio de referencia (reviewer-app calibration anchor).</translation>
    </message>
    <message>
        <source>The anchors of a set must be of one micro-credential.</source>
        <translation>Los portafolios de referencia de un conjunto deben ser de una sola microcredencial.</translation>
    </message>
    <message>
        <source>There is already a calibration set named {name!r}.</source>
        <translation>Ya existe un conjunto de calibración llamado {name!r}.</translation>
    </message>
    <message>
        <source>There is no calibration set named {name!r}.</source>
        <translation>No existe ningún conjunto de calibración llamado {name!r}.</translation>
    </message>
    <message>
        <source>{name} is not assigned the set {set_name!r}.</source>
        <translation>{name} no tiene asignado el conjunto {set_name!r}.</translation>
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
        <source>Your decision: {yours}; the reference: {reference}.</source>
        <translation>Su decisión: {yours}; la de referencia: {reference}.</translation>
    </message>
    <message>
        <source>Why the reference scores are what they are: {rationale}</source>
        <translation>Por qué las puntuaciones de referencia son las que son: {rationale}</translation>
    </message>
    <message>
        <source>the same as the reference</source>
        <translation>igual que la referencia</translation>
    </message>
    <message>
        <source>not compared</source>
        <translation>sin comparar</translation>
    </message>
    <message>
        <source>{steps} step(s) harsher than the reference ({reference})</source>
        <translation>más severo que la referencia en {steps} nivel(es) ({reference})</translation>
    </message>
    <message>
        <source>{steps} step(s) more lenient than the reference ({reference})</source>
        <translation>más indulgente que la referencia en {steps} nivel(es) ({reference})</translation>
    </message>
    <message>
        <source>{criterion}: {yours}, {how}.</source>
        <translation>{criterion}: {yours}, {how}.</translation>
    </message>
    <message>
        <source>not scored</source>
        <translation>sin puntuar</translation>
    </message>
    <message>
        <source>Reference comment: {comment}</source>
        <translation>Comentario de referencia: {comment}</translation>
    </message>
</context>
<context>
    <name>Moderation</name>
    <message>
        <source>A submission needs between 1 and {most} independent reviews, not {count}.</source>
        <translation>Una entrega necesita entre 1 y {most} revisiones independientes, no {count}.</translation>
    </message>
    <message>
        <source>There is no micro-credential {credential!r} here; &apos;reviewer-app definitions list&apos; shows them.</source>
        <translation>No hay ninguna microcredencial {credential!r} aquí; &apos;reviewer-app definitions list&apos; las muestra.</translation>
    </message>
    <message>
        <source>Only a lead settles submissions whose reviews are in.</source>
        <translation>Solo un responsable de equipo resuelve las entregas cuyas revisiones están completas.</translation>
    </message>
    <message>
        <source>A decision is &apos;pass&apos; or &apos;not-yet&apos;, not {outcome!r}.</source>
        <translation>Una decisión es &apos;pass&apos; (Superado) o &apos;not-yet&apos; (Aún no), no {outcome!r}.</translation>
    </message>
    <message>
        <source>Say why: an adjudicated decision keeps its rationale.</source>
        <translation>Indique el motivo: una decisión arbitrada conserva su justificación.</translation>
    </message>
    <message>
        <source>{lead} is not a lead here; only leads adjudicate.</source>
        <translation>{lead} no es responsable de equipo aquí; solo los responsables de equipo arbitran.</translation>
    </message>
    <message>
        <source>There is no submission {submission!r} here.</source>
        <translation>No hay ninguna entrega {submission!r} aquí.</translation>
    </message>
    <message>
        <source>{reviewer} has no submitted review of {submission} to take the feedback from.</source>
        <translation>{reviewer} no tiene ninguna revisión enviada de {submission} de la que tomar la retroalimentación.</translation>
    </message>
    <message>
        <source>Choose whose feedback the earner receives, or write the feedback.</source>
        <translation>Elija qué retroalimentación recibe el participante o escríbala usted.</translation>
    </message>
    <message>
        <source>{submission} has no annotation {ids} in a submitted review to pass on to the earner.</source>
        <translation>{submission} no tiene la anotación {ids} en una revisión enviada que pueda pasarse al participante.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>There is no submission {submission!r} in this data folder.</source>
        <translation>No hay ninguna entrega {submission!r} en esta carpeta de datos.</translation>
    </message>
    <message>
        <source>Submission {submission} has no decision yet: submit a review first.</source>
        <translation>La entrega {submission} aún no tiene decisión: envíe antes una revisión.</translation>
    </message>
    <message>
        <source>Could not write the feedback letter to {path}: {reason}</source>
        <translation>No se pudo escribir la carta de retroalimentación en {path}: {reason}</translation>
    </message>
    <message>
        <source>{level!r} is not a level of criterion {criterion!r} (choose {choices})</source>
        <translation>{level!r} no es un nivel del criterio {criterion!r} (elija entre {choices})</translation>
    </message>
    <message>
        <source>The review of {submission} cannot be submitted: {count} criteria are not scored yet: {criteria}.</source>
        <translation>La revisión de {submission} no se puede enviar: hay {count} criterios aún sin puntuar: {criteria}.</translation>
    </message>
    <message>
        <source>A credential ({credential}) was issued on this review&apos;s decision; revoke it before reopening the review.</source>
        <translation>Se emitió una credencial ({credential}) a partir de la decisión de esta revisión; revóquela antes de reabrir la revisión.</translation>
    </message>
    <message>
        <source>On a team database a submitted review stays as it was sent; if it must change, a lead decides (adjudication).</source>
        <translation>En una base de datos de equipo, una revisión enviada queda tal como se envió; si debe cambiar, decide un responsable de equipo (adjudicación).</translation>
    </message>
    <message>
        <source>{criterion!r} is not a criterion of {credential} (its criteria: {known})</source>
        <translation>{criterion!r} no es un criterio de {credential} (sus criterios: {known})</translation>
    </message>
    <message>
        <source>The review of {submission} is submitted; reopen it to change it.</source>
        <translation>La revisión de {submission} ya está enviada; reábrala para cambiarla.</translation>
    </message>
    <message>
        <source>A reviewer needs a name.</source>
        <translation>Un evaluador necesita un nombre.</translation>
    </message>
    <message>
        <source>Submission {submission} has no micro-credential yet (it came as a loose bundle); assign one before reviewing it: in the window with Review &gt; Assign a micro-credential…, or with &apos;reviewer-app submissions assign {submission} --credential ID&apos;.</source>
        <translation>La entrega {submission} aún no tiene microcredencial (llegó como paquete de evidencias suelto); asígnele una antes de revisarla: en la ventana con Revisión &gt; Asignar una microcredencial…, o con &apos;reviewer-app submissions assign {submission} --credential ID&apos;.</translation>
    </message>
    <message>
        <source>Submission {submission} is for {credential}, which has no definition here; add it with &apos;reviewer-app definitions add FILE&apos;.</source>
        <translation>La entrega {submission} es para {credential}, que no tiene definición aquí; añádala con &apos;reviewer-app definitions add FILE&apos;.</translation>
    </message>
</context>
<context>
    <name>ReviewPackets</name>
    <message>
        <source>Submission {submission} came as a loose bundle, without a micro-credential or submission time; only submissions imported from a manifest bundle can go into a packet.</source>
        <translation>La entrega {submission} llegó como paquete de evidencias suelto, sin microcredencial ni fecha de entrega; solo las entregas importadas de un paquete con manifiesto pueden ir en un lote de revisión.</translation>
    </message>
    <message>
        <source>Submission {submission} has no submission time.</source>
        <translation>La entrega {submission} no tiene fecha de entrega.</translation>
    </message>
    <message>
        <source>Submission {submission}: evidence item {number} has no stored file.</source>
        <translation>Entrega {submission}: el elemento de evidencia {number} no tiene archivo guardado.</translation>
    </message>
    <message>
        <source>Submission {submission} lists a file named manifest.json as evidence, which a bundle written again cannot hold.</source>
        <translation>La entrega {submission} incluye como evidencia un archivo llamado manifest.json, que un paquete de evidencias reescrito no puede contener.</translation>
    </message>
    <message>
        <source>Submission {submission}: the evidence file {path!r} is missing from the store; &apos;reviewer-app check&apos; lists what is damaged.</source>
        <translation>Entrega {submission}: falta el archivo de evidencia {path!r} en el almacén; &apos;reviewer-app check&apos; indica lo que está dañado.</translation>
    </message>
    <message>
        <source>Submission {submission}: the stored evidence file {path!r} no longer matches its hash; &apos;reviewer-app check&apos; lists what is damaged.</source>
        <translation>Entrega {submission}: el archivo de evidencia guardado {path!r} ya no coincide con su hash; &apos;reviewer-app check&apos; indica lo que está dañado.</translation>
    </message>
    <message>
        <source>a review packet</source>
        <translation>un lote de revisión</translation>
    </message>
    <message>
        <source>a review return</source>
        <translation>una devolución de revisiones</translation>
    </message>
    <message>
        <source>an evidence bundle</source>
        <translation>un paquete de evidencias</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>No se puede escribir {path}: {reason}.</translation>
    </message>
    <message>
        <source>does not exist or is not a file</source>
        <translation>no existe o no es un archivo</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>no se puede leer ({reason})</translation>
    </message>
    <message>
        <source>{where} {problem}. Nothing was imported.</source>
        <translation>{where} {problem}. No se importó nada.</translation>
    </message>
    <message>
        <source>does not match its hash in manifest.json (expected {expected}, found {found}): the file is damaged or was changed</source>
        <translation>no coincide con su hash en manifest.json (se esperaba {expected}, se encontró {found}): el archivo está dañado o se modificó</translation>
    </message>
    <message>
        <source>cannot be read: the file is damaged ({problem})</source>
        <translation>no se puede leer: el archivo está dañado ({problem})</translation>
    </message>
    <message>
        <source>holds {size} bytes, not the {listed} manifest.json lists: the file is damaged or was changed</source>
        <translation>contiene {size} bytes, no los {listed} que indica manifest.json: el archivo está dañado o se modificó</translation>
    </message>
    <message>
        <source>cannot be extracted ({reason})</source>
        <translation>no se puede extraer ({reason})</translation>
    </message>
    <message>
        <source>is not a readable zip file: it is damaged or incomplete ({problem})</source>
        <translation>no es un archivo zip legible: está dañado o incompleto ({problem})</translation>
    </message>
    <message>
        <source>is not a readable zip file: it is damaged or incomplete</source>
        <translation>no es un archivo zip legible: está dañado o incompleto</translation>
    </message>
    <message>
        <source>has {count} entries, more than the limit of {limit}</source>
        <translation>tiene {count} entradas, más que el límite de {limit}</translation>
    </message>
    <message>
        <source>has an entry with an empty name</source>
        <translation>tiene una entrada con el nombre vacío</translation>
    </message>
    <message>
        <source>has a backslash or NUL character in its name</source>
        <translation>tiene una barra invertida o un carácter NUL en el nombre</translation>
    </message>
    <message>
        <source>has an absolute path, which this file may not hold</source>
        <translation>tiene una ruta absoluta, que este archivo no puede contener</translation>
    </message>
    <message>
        <source>has a &apos;..&apos; segment that would land outside the file</source>
        <translation>tiene un segmento &apos;..&apos; que quedaría fuera del archivo</translation>
    </message>
    <message>
        <source>is a symbolic link, which this file may not hold</source>
        <translation>es un enlace simbólico, que este archivo no puede contener</translation>
    </message>
    <message>
        <source>is not a regular file (a device, pipe or socket), which this file may not hold</source>
        <translation>no es un archivo normal (un dispositivo, una tubería o un socket), que este archivo no puede contener</translation>
    </message>
    <message>
        <source>is encrypted; packets and returns are never password-protected</source>
        <translation>está cifrado; los lotes de revisión y las devoluciones nunca están protegidos con contraseña</translation>
    </message>
    <message>
        <source>appears twice in the zip</source>
        <translation>aparece dos veces en el zip</translation>
    </message>
    <message>
        <source>is {size} bytes, more than the limit of {limit} for one entry</source>
        <translation>ocupa {size} bytes, más que el límite de {limit} por entrada</translation>
    </message>
    <message>
        <source>holds more than {limit} bytes, the limit</source>
        <translation>contiene más de {limit} bytes, que es el límite</translation>
    </message>
    <message>
        <source>expands from {packed} to {size} bytes, more than the limit of {ratio}:1 (a zip bomb)</source>
        <translation>se expande de {packed} a {size} bytes, más que el límite de {ratio}:1 (una bomba zip)</translation>
    </message>
    <message>
        <source>has no {manifest}: it is not {kind}</source>
        <translation>no tiene {manifest}: no es {kind}</translation>
    </message>
    <message>
        <source>must hold a JSON object</source>
        <translation>debe contener un objeto JSON</translation>
    </message>
    <message>
        <source>is {kind}, not {expected}: import it with {command}</source>
        <translation>es {kind}, no {expected}: impórtelo con {command}</translation>
    </message>
    <message>
        <source>has format {format!r}; {kind} has &quot;{expected}&quot;</source>
        <translation>tiene el formato {format!r}; {kind} tiene &quot;{expected}&quot;</translation>
    </message>
    <message>
        <source>is not listed in manifest.json (an unexpected entry)</source>
        <translation>no figura en manifest.json (una entrada inesperada)</translation>
    </message>
    <message>
        <source>is listed in manifest.json but missing from the file</source>
        <translation>figura en manifest.json pero falta en el archivo</translation>
    </message>
    <message>
        <source>is larger than {limit} bytes</source>
        <translation>ocupa más de {limit} bytes</translation>
    </message>
    <message>
        <source>{field} must be an object</source>
        <translation>{field} debe ser un objeto</translation>
    </message>
    <message>
        <source>must list the file&apos;s entries in &apos;files&apos;</source>
        <translation>debe enumerar las entradas del archivo en &apos;files&apos;</translation>
    </message>
    <message>
        <source>{field} must name another entry, once</source>
        <translation>{field} debe nombrar otra entrada, una sola vez</translation>
    </message>
    <message>
        <source>{field} must be 64 lowercase hexadecimal characters</source>
        <translation>{field} debe tener 64 caracteres hexadecimales en minúscula</translation>
    </message>
    <message>
        <source>{field} must be a whole number of bytes</source>
        <translation>{field} debe ser un número entero de bytes</translation>
    </message>
    <message>
        <source>{field} must be a date-time with an offset, not {value!r}</source>
        <translation>{field} debe ser una fecha y hora con desfase horario, no {value!r}</translation>
    </message>
    <message>
        <source>{field} must be a UUID, not {value!r}</source>
        <translation>{field} debe ser un UUID, no {value!r}</translation>
    </message>
    <message>
        <source>{field} must be non-empty text</source>
        <translation>{field} debe ser un texto no vacío</translation>
    </message>
    <message>
        <source>{field} must be a whole number from 1</source>
        <translation>{field} debe ser un número entero a partir de 1</translation>
    </message>
    <message>
        <source>A packet is made for a reviewer: name them.</source>
        <translation>Un lote de revisión se prepara para un evaluador: indique su nombre.</translation>
    </message>
    <message>
        <source>Choose at least one submission for the packet.</source>
        <translation>Elija al menos una entrega para el lote de revisión.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of the packet file to write.</source>
        <translation>{path} es una carpeta; indique el nombre del archivo del lote de revisión que se va a escribir.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist.</source>
        <translation>La carpeta {path} no existe.</translation>
    </message>
    <message>
        <source>Submission {submission} is for {credential}, which has no definition here; add it before making the packet.</source>
        <translation>La entrega {submission} es para {credential}, que no tiene definición aquí; añádala antes de preparar el lote de revisión.</translation>
    </message>
    <message>
        <source>There is no submission {submissions} in this data folder; &apos;reviewer-app submissions&apos; lists them.</source>
        <translation>No hay ninguna entrega {submissions} en esta carpeta de datos; &apos;reviewer-app submissions&apos; las enumera.</translation>
    </message>
    <message>
        <source>The definition of {credential} lost its image.</source>
        <translation>La definición de {credential} ha perdido su imagen.</translation>
    </message>
    <message>
        <source>The image of {credential} ({image!r}) cannot be placed in a packet.</source>
        <translation>La imagen de {credential} ({image!r}) no se puede incluir en un lote de revisión.</translation>
    </message>
    <message>
        <source>{submission}: {reviewer}&apos;s review here already has annotations or is submitted; the packet&apos;s {count} annotations were not added to it.</source>
        <translation>{submission}: la revisión de {reviewer} en esta carpeta ya tiene anotaciones o está enviada; no se le añadieron las {count} anotaciones del paquete.</translation>
    </message>
    <message>
        <source>{submission}: annotation {number} was left out: {problem}.</source>
        <translation>{submission}: la anotación {number} no se añadió: {problem}.</translation>
    </message>
    <message>
        <source>{file} is a packet this data folder made; import it in the assessor&apos;s data folder. Nothing was imported.</source>
        <translation>{file} es un lote de revisión creado en esta carpeta de datos; impórtelo en la carpeta de datos del evaluador. No se importó nada.</translation>
    </message>
    <message>
        <source>{file} has the id of packet {packet}, imported here already from a file with other content; ask the lead which one is right. Nothing was imported.</source>
        <translation>{file} tiene el identificador del lote de revisión {packet}, ya importado aquí desde un archivo con otro contenido; pregunte al responsable de equipo cuál es el correcto. No se importó nada.</translation>
    </message>
    <message>
        <source>{file} carries no key for its returns: it was made by an earlier version, and the lead could not accept what is scored from it. Ask the lead to make the packet again. Nothing was imported.</source>
        <translation>{file} no lleva clave para sus devoluciones: lo creó una versión anterior, y el responsable de equipo no podría aceptar lo que se puntúe a partir de él. Pida al responsable de equipo que cree de nuevo el lote de revisión. No se importó nada.</translation>
    </message>
    <message>
        <source>from must be an object naming the lead and their folder</source>
        <translation>from debe ser un objeto que indique el responsable de equipo y su carpeta</translation>
    </message>
    <message>
        <source>names one entry for two purposes</source>
        <translation>nombra una misma entrada para dos fines</translation>
    </message>
    <message>
        <source>is named in manifest.json but is not in the file</source>
        <translation>se nombra en manifest.json pero no está en el archivo</translation>
    </message>
    <message>
        <source>is neither a definition, its image, nor a bundle</source>
        <translation>no es una definición, ni su imagen, ni un paquete de evidencias</translation>
    </message>
    <message>
        <source>assigns and bundles different submissions ({submission!r})</source>
        <translation>asigna unas entregas e incluye otras distintas ({submission!r})</translation>
    </message>
    <message>
        <source>holds no definition of {credential}</source>
        <translation>no contiene ninguna definición de {credential}</translation>
    </message>
    <message>
        <source>must hold an object with a list &apos;{key}&apos;</source>
        <translation>debe contener un objeto con una lista «{key}»</translation>
    </message>
    <message>
        <source>{field} is not of a submission the packet assigns to its reviewer</source>
        <translation>{field} no es de un envío que el paquete asigne a su revisor</translation>
    </message>
    <message>
        <source>assignment must list who scores which submission</source>
        <translation>assignment debe indicar quién puntúa cada entrega</translation>
    </message>
    <message>
        <source>{field} assigns the same submission twice</source>
        <translation>{field} asigna la misma entrega dos veces</translation>
    </message>
    <message>
        <source>definitions must be a list</source>
        <translation>definitions debe ser una lista</translation>
    </message>
    <message>
        <source>{field} must be a .json file under definitions/</source>
        <translation>{field} debe ser un archivo .json dentro de definitions/</translation>
    </message>
    <message>
        <source>{field} must be a file under definitions/</source>
        <translation>{field} debe ser un archivo dentro de definitions/</translation>
    </message>
    <message>
        <source>bundles must be a list</source>
        <translation>bundles debe ser una lista</translation>
    </message>
    <message>
        <source>{field} must be a .zip file directly under bundles/</source>
        <translation>{field} debe ser un archivo .zip directamente dentro de bundles/</translation>
    </message>
    <message>
        <source>bundles lists a submission twice</source>
        <translation>bundles incluye una entrega dos veces</translation>
    </message>
    <message>
        <source>is not a valid definition ({problem})</source>
        <translation>no es una definición válida ({problem})</translation>
    </message>
    <message>
        <source>is not the definition of {credential}</source>
        <translation>no es la definición de {credential}</translation>
    </message>
    <message>
        <source>is not version {version} of {credential}</source>
        <translation>no es la versión {version} de {credential}</translation>
    </message>
    <message>
        <source>does not match its digest in manifest.json: it was changed</source>
        <translation>no coincide con su huella en manifest.json: se modificó</translation>
    </message>
    <message>
        <source>This data folder already holds version {version} of {credential} with other content than the packet&apos;s, so reviews here would not be scored on the lead&apos;s rubric; ask the lead. Nothing was imported.</source>
        <translation>Esta carpeta de datos ya contiene la versión {version} de {credential} con un contenido distinto al del lote de revisión, así que las revisiones de aquí no se puntuarían con la rúbrica del responsable de equipo; consulte al responsable de equipo. No se importó nada.</translation>
    </message>
    <message>
        <source>names no image, though the packet lists one</source>
        <translation>no nombra ninguna imagen, aunque el lote de revisión incluye una</translation>
    </message>
    <message>
        <source>names an image outside the packet</source>
        <translation>nombra una imagen que está fuera del lote de revisión</translation>
    </message>
    <message>
        <source>names an image other than the one the packet lists</source>
        <translation>nombra una imagen distinta de la que incluye el lote de revisión</translation>
    </message>
    <message>
        <source>is not a manifest bundle</source>
        <translation>no es un paquete de evidencias con manifiesto</translation>
    </message>
    <message>
        <source>is not a valid bundle ({entry}): {problem}</source>
        <translation>no es un paquete de evidencias válido ({entry}): {problem}</translation>
    </message>
    <message>
        <source>is not a valid bundle: {problem}</source>
        <translation>no es un paquete de evidencias válido: {problem}</translation>
    </message>
    <message>
        <source>is not the bundle of {submission}</source>
        <translation>no es el paquete de evidencias de {submission}</translation>
    </message>
    <message>
        <source>is for {credential}, not the assigned {assigned}</source>
        <translation>es para {credential}, no para la asignada, {assigned}</translation>
    </message>
    <message>
        <source>This data folder already holds submission {submission} with other content than the packet&apos;s; ask the lead. Nothing was imported.</source>
        <translation>Esta carpeta de datos ya contiene la entrega {submission} con un contenido distinto al del lote de revisión; consulte al responsable de equipo. No se importó nada.</translation>
    </message>
    <message>
        <source>{problem}. The packet was not recorded; import it again later.</source>
        <translation>{problem}. El lote de revisión no se registró; vuelva a importarlo más tarde.</translation>
    </message>
    <message>
        <source>the import was cancelled</source>
        <translation>se canceló la importación</translation>
    </message>
    <message>
        <source>{problem}. The packet was not recorded; submissions imported before the problem are kept, and importing the packet again finishes the rest.</source>
        <translation>{problem}. El lote de revisión no se registró; las entregas importadas antes del problema se conservan, y al importar de nuevo el lote de revisión se completa el resto.</translation>
    </message>
    <message>
        <source>{path} is a folder; give the name of the return file to write.</source>
        <translation>{path} es una carpeta; indique el nombre del archivo de devolución que se va a escribir.</translation>
    </message>
    <message>
        <source>No packet {packet} was imported into this data folder; &apos;reviewer-app packet list&apos; shows those that were.</source>
        <translation>No se importó ningún lote de revisión {packet} en esta carpeta de datos; &apos;reviewer-app packet list&apos; muestra los que sí se importaron.</translation>
    </message>
    <message>
        <source>Packet {packet} was made in this data folder. A return is made in the assessor&apos;s data folder, from the packet imported there.</source>
        <translation>El lote de revisión {packet} se creó en esta carpeta de datos. La devolución se prepara en la carpeta de datos del evaluador, a partir del lote de revisión importado allí.</translation>
    </message>
    <message>
        <source>Packet {packet} was imported by an earlier version, without a key for its returns, so the lead could not accept a return from it. Ask the lead to make the packet again and import that one; your reviews are kept.</source>
        <translation>El lote de revisión {packet} se importó con una versión anterior, sin clave para sus devoluciones, así que el responsable de equipo no podría aceptar una devolución suya. Pida al responsable de equipo que cree de nuevo el lote de revisión e importe ese; sus revisiones se conservan.</translation>
    </message>
    <message>
        <source>Packet {packet} assigns nothing to {reviewer!r}; it assigns submissions to {names}.</source>
        <translation>El lote de revisión {packet} no asigna nada a {reviewer!r}; asigna entregas a {names}.</translation>
    </message>
    <message>
        <source>Packet {packet} does not assign {submissions} to {reviewer}.</source>
        <translation>El lote de revisión {packet} no asigna {submissions} a {reviewer}.</translation>
    </message>
    <message>
        <source>{submission} (not started)</source>
        <translation>{submission} (sin empezar)</translation>
    </message>
    <message>
        <source>{submission} (not submitted)</source>
        <translation>{submission} (sin enviar)</translation>
    </message>
    <message>
        <source>None of {reviewer}&apos;s reviews in packet {packet} is submitted yet: {waiting}. Nothing was written.</source>
        <translation>Ninguna de las revisiones de {reviewer} del lote de revisión {packet} se ha enviado todavía: {waiting}. No se escribió nada.</translation>
    </message>
    <message>
        <source>is not part of a return</source>
        <translation>no forma parte de una devolución</translation>
    </message>
    <message>
        <source>has no {file}</source>
        <translation>no tiene {file}</translation>
    </message>
    <message>
        <source>{file} says it was made at {when}, outside the time between the packet&apos;s issue ({issued}) and now: a computer&apos;s clock is wrong, or the file was changed. Nothing was imported.</source>
        <translation>{file} dice que se creó el {when}, fuera del tiempo entre la emisión del lote de revisión ({issued}) y ahora: el reloj de un equipo está mal, o el archivo se modificó. No se importó nada.</translation>
    </message>
    <message>
        <source>{file} answers packet {packet}, which was issued before returns were authenticated, so it cannot be told from a forgery. Reissue the packet (&apos;reviewer-app packet export&apos;) and ask for a return from the new one. Nothing was imported.</source>
        <translation>{file} responde al lote de revisión {packet}, emitido antes de que las devoluciones se autenticaran, así que no se puede distinguir de una falsificación. Emita de nuevo el lote de revisión (&apos;reviewer-app packet export&apos;) y pida una devolución del nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>{file} carries no authentication, so it cannot be told from a forgery: it was made by an earlier version. Reissue packet {packet} and ask for a return from the new one. Nothing was imported.</source>
        <translation>{file} no lleva autenticación, así que no se puede distinguir de una falsificación: lo creó una versión anterior. Emita de nuevo el lote de revisión {packet} y pida una devolución del nuevo. No se importó nada.</translation>
    </message>
    <message>
        <source>{file} was not made from packet {packet}: it is not authenticated with that packet&apos;s key, so it was forged or changed after it was made. A return is made in the data folder that imported the packet. Nothing was imported.</source>
        <translation>{file} no se creó a partir del lote de revisión {packet}: no está autenticado con la clave de ese lote, así que se falsificó o se modificó después de crearse. La devolución se prepara en la carpeta de datos que importó el lote de revisión. No se importó nada.</translation>
    </message>
    <message>
        <source>holds text that is not valid Unicode (a lone surrogate)</source>
        <translation>contiene texto que no es Unicode válido (un sustituto suelto)</translation>
    </message>
    <message>
        <source>must hold an object with a list &apos;reviews&apos;</source>
        <translation>debe contener un objeto con una lista &apos;reviews&apos;</translation>
    </message>
    <message>
        <source>{field} is by {author!r}, but the return is {reviewer!r}&apos;s</source>
        <translation>{field} es de {author!r}, pero la devolución es de {reviewer!r}</translation>
    </message>
    <message>
        <source>{field} reviews {submission} again</source>
        <translation>{field} vuelve a revisar {submission}</translation>
    </message>
    <message>
        <source>holds no review</source>
        <translation>no contiene ninguna revisión</translation>
    </message>
    <message>
        <source>{field} must map criterion ids to text</source>
        <translation>{field} debe asociar identificadores de criterio a textos</translation>
    </message>
    <message>
        <source>{field} must be text</source>
        <translation>{field} debe ser un texto</translation>
    </message>
    <message>
        <source>{field} must be &apos;pass&apos; or &apos;not-yet&apos;</source>
        <translation>{field} debe ser &apos;pass&apos; o &apos;not-yet&apos;</translation>
    </message>
    <message>
        <source>{field} must be a date-time with an offset</source>
        <translation>{field} debe ser una fecha y hora con desfase horario</translation>
    </message>
    <message>
        <source>{field} (the review of {submission}) does not match its digest: it was changed after the return was made</source>
        <translation>{field} (la revisión de {submission}) no coincide con su huella: se modificó después de preparar la devolución</translation>
    </message>
    <message>
        <source>{file} answers packet {packet}, which this data folder did not issue: import a return in the lead&apos;s folder that made its packet. Nothing was imported.</source>
        <translation>{file} responde al lote de revisión {packet}, que esta carpeta de datos no emitió: importe una devolución en la carpeta del responsable de equipo que creó su lote de revisión. No se importó nada.</translation>
    </message>
    <message>
        <source>{file} answers packet {packet}, which this data folder received rather than issued: import the return in the lead&apos;s folder. Nothing was imported.</source>
        <translation>{file} responde al lote de revisión {packet}, que esta carpeta de datos recibió en lugar de emitir: importe la devolución en la carpeta del responsable de equipo. No se importó nada.</translation>
    </message>
    <message>
        <source>{file}: the review of {submission} by {reviewer} {problem}. Nothing was imported.</source>
        <translation>{file}: la revisión de {submission} hecha por {reviewer} {problem}. No se importó nada.</translation>
    </message>
    <message>
        <source>was not asked for: packet {packet} did not assign {submission} to {reviewer}</source>
        <translation>no se pidió: el lote de revisión {packet} no asignó {submission} a {reviewer}</translation>
    </message>
    <message>
        <source>is of a submission this data folder does not hold</source>
        <translation>es de una entrega que esta carpeta de datos no contiene</translation>
    </message>
    <message>
        <source>was scored under version {version} of {credential}, which this data folder does not have</source>
        <translation>se puntuó con la versión {version} de {credential}, que esta carpeta de datos no tiene</translation>
    </message>
    <message>
        <source>was scored under {credential}, not the submission&apos;s</source>
        <translation>se puntuó con {credential}, no con la de la entrega</translation>
    </message>
    <message>
        <source>was scored under a version {version} of {credential} whose content differs from this folder&apos;s</source>
        <translation>se puntuó con una versión {version} de {credential} cuyo contenido difiere del de esta carpeta</translation>
    </message>
    <message>
        <source>has annotation {number}, which cannot be placed: {problem}</source>
        <translation>tiene la anotación {number}, que no se puede situar: {problem}</translation>
    </message>
    <message>
        <source>scores {criterion!r}, which is not a criterion of its rubric</source>
        <translation>puntúa {criterion!r}, que no es un criterio de su rúbrica</translation>
    </message>
    <message>
        <source>gives {criterion!r} the level {level!r}, which it does not have</source>
        <translation>asigna a {criterion!r} el nivel {level!r}, que ese criterio no tiene</translation>
    </message>
    <message>
        <source>comments on {criterion!r}, which is not a criterion of its rubric</source>
        <translation>comenta {criterion!r}, que no es un criterio de su rúbrica</translation>
    </message>
    <message>
        <source>leaves criteria unscored ({criteria})</source>
        <translation>deja criterios sin puntuar ({criteria})</translation>
    </message>
    <message>
        <source>says {decision!r}, but its levels give {outcome!r} by the rubric&apos;s pass rule</source>
        <translation>dice {decision!r}, pero sus niveles dan {outcome!r} según la regla de superación de la rúbrica</translation>
    </message>
    <message>
        <source>The decision is {here!r} here, {incoming!r} incoming.</source>
        <translation>La decisión es {here!r} aquí y {incoming!r} en la entrante.</translation>
    </message>
    <message>
        <source>The rubric version is {here!r} here, {incoming!r} incoming.</source>
        <translation>La versión de la rúbrica es {here!r} aquí y {incoming!r} en la entrante.</translation>
    </message>
    <message>
        <source>{criterion}: level {here!r} here, {incoming!r} incoming.</source>
        <translation>{criterion}: nivel {here!r} aquí y {incoming!r} en la entrante.</translation>
    </message>
    <message>
        <source>{criterion}: comment {here!r} here, {incoming!r} incoming.</source>
        <translation>{criterion}: comentario {here!r} aquí y {incoming!r} en la entrante.</translation>
    </message>
    <message>
        <source>The feedback to the earner differs.</source>
        <translation>La retroalimentación para el participante es distinta.</translation>
    </message>
    <message>
        <source>The annotations differ: {here} here, {incoming} incoming.</source>
        <translation>Las anotaciones difieren: {here} aquí, {incoming} entrantes.</translation>
    </message>
    <message>
        <source>Keep &apos;existing&apos; or &apos;incoming&apos;, not {keep!r}.</source>
        <translation>Conserve &apos;existing&apos; (la existente) o &apos;incoming&apos; (la entrante), no {keep!r}.</translation>
    </message>
    <message>
        <source>Say why: a resolved conflict keeps its rationale.</source>
        <translation>Indique el motivo: un conflicto resuelto conserva su justificación.</translation>
    </message>
    <message>
        <source>There is no conflict {conflict}; &apos;reviewer-app packet conflicts&apos; lists them.</source>
        <translation>No existe el conflicto {conflict}; &apos;reviewer-app packet conflicts&apos; los enumera.</translation>
    </message>
    <message>
        <source>Conflict {conflict} was resolved already ({kept} kept, {date}).</source>
        <translation>El conflicto {conflict} ya se resolvió (se conservó {kept}, {date}).</translation>
    </message>
    <message>
        <source>{lead} is not a lead here; only leads resolve conflicts.</source>
        <translation>{lead} no es responsable de equipo aquí; solo los responsables de equipo resuelven conflictos.</translation>
    </message>
    <message>
        <source>Conflict {conflict} cannot take the incoming review: {problem}.</source>
        <translation>El conflicto {conflict} no puede adoptar la revisión entrante: {problem}.</translation>
    </message>
    <message>
        <source>a credential ({credential}) was issued on the review&apos;s decision; revoke it first</source>
        <translation>se emitió una credencial ({credential}) a partir de la decisión de la revisión; revóquela primero</translation>
    </message>
    <message>
        <source>version {version} of {credential} is not here</source>
        <translation>la versión {version} de {credential} no está aquí</translation>
    </message>
    <message>
        <source>it {problem}</source>
        <translation>{problem}</translation>
    </message>
    <message>
        <source>was submitted at {when}, before the lead gave it to them in a packet ({issued})</source>
        <translation>se envió el {when}, antes de que el responsable de equipo se la diera en un lote de revisión ({issued})</translation>
    </message>
    <message>
        <source>was submitted at {when}, later than the time now on this computer ({now})</source>
        <translation>se envió el {when}, después de la hora actual de este equipo ({now})</translation>
    </message>
    <message>
        <source>was started at {when}, before the lead gave it to them in a packet ({issued})</source>
        <translation>se empezó el {when}, antes de que el responsable de equipo se la diera en un lote de revisión ({issued})</translation>
    </message>
    <message>
        <source>was started at {when}, later than the time now on this computer ({now})</source>
        <translation>se empezó el {when}, después de la hora actual de este equipo ({now})</translation>
    </message>
    <message>
        <source>was submitted at {submitted}, before it was started ({started})</source>
        <translation>se envió el {submitted}, antes de empezarse ({started})</translation>
    </message>
    <message>
        <source>{field} must be a list</source>
        <translation>{field} debe ser una lista</translation>
    </message>
    <message>
        <source>{field} is not of {submission} by {reviewer}</source>
        <translation>{field} no es de {submission} por {reviewer}</translation>
    </message>
    <message>
        <source>{field} repeats annotation number {number}</source>
        <translation>{field} repite el número de anotación {number}</translation>
    </message>
    <message>
        <source>{field} must be null or four numbers [x, y, width, height]</source>
        <translation>{field} debe ser null o cuatro números [x, y, ancho, alto]</translation>
    </message>
    <message>
        <source>{field} must be text or null</source>
        <translation>{field} debe ser texto o null</translation>
    </message>
    <message>
        <source>{field} must be null or a whole number from 0</source>
        <translation>{field} debe ser null o un número entero desde 0</translation>
    </message>
    <message>
        <source>{field} has both a rectangle and a quote</source>
        <translation>{field} tiene a la vez un rectángulo y una cita</translation>
    </message>
    <message>
        <source>its item {position} ({item!r}) is not one of the submission&apos;s here</source>
        <translation>su elemento {position} ({item!r}) no es uno de los del envío aquí</translation>
    </message>
    <message>
        <source>its criterion {criterion!r} is not a criterion of the rubric</source>
        <translation>su criterio {criterion!r} no es un criterio de la rúbrica</translation>
    </message>
</context>
<context>
    <name>ReviewQueue</name>
    <message>
        <source>Item {number}</source>
        <translation>Elemento {number}</translation>
    </message>
    <message>
        <source>Evidence {number} ({kind})</source>
        <translation>Evidencia {number} ({kind})</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>This works on a team database only: give --database postgresql://OWNER@HOST:PORT/DBNAME.</source>
        <translation>Esto solo funciona con una base de datos de equipo: indique --database postgresql://PROPIETARIO@SERVIDOR:PUERTO/BASE.</translation>
    </message>
    <message>
        <source>A team member needs a name.</source>
        <translation>Un miembro del equipo necesita un nombre.</translation>
    </message>
    <message>
        <source>{login!r} cannot be a login: use lower-case letters, digits and _ (at most 63), starting with a letter.</source>
        <translation>{login!r} no puede ser un usuario: use letras minúsculas, cifras y _ (como máximo 63), empezando por una letra.</translation>
    </message>
    <message>
        <source>A role is &apos;assessor&apos; or &apos;lead&apos;, not {role!r}.</source>
        <translation>Un rol es &apos;assessor&apos; (evaluador) o &apos;lead&apos; (responsable de equipo), no {role!r}.</translation>
    </message>
    <message>
        <source>A login&apos;s password needs at least 12 characters.</source>
        <translation>La contraseña de un usuario necesita al menos 12 caracteres.</translation>
    </message>
    <message>
        <source>{name} is bound to the login {login} already.</source>
        <translation>{name} ya está vinculado al usuario {login}.</translation>
    </message>
    <message>
        <source>The login {login} is {name}&apos;s already.</source>
        <translation>El usuario {login} ya es de {name}.</translation>
    </message>
    <message>
        <source>No team member has the login {login!r}.</source>
        <translation>Ningún miembro del equipo tiene el usuario {login!r}.</translation>
    </message>
    <message>
        <source>You are connected as {login}, who is {name}: you cannot act as {reviewer}.</source>
        <translation>Está conectado como {login}, que es {name}: no puede actuar como {reviewer}.</translation>
    </message>
    <message>
        <source>Only a lead assigns submissions.</source>
        <translation>Solo un responsable de equipo asigna entregas.</translation>
    </message>
    <message>
        <source>There is no reviewer {who!r} here (reviewer-app team add).</source>
        <translation>Aquí no hay ningún evaluador {who!r} (reviewer-app team add).</translation>
    </message>
    <message>
        <source>No submission {missing} here; nothing was assigned.</source>
        <translation>Aquí no hay ninguna entrega {missing}; no se asignó nada.</translation>
    </message>
    <message>
        <source>There are no assessors to assign to (reviewer-app team add).</source>
        <translation>No hay evaluadores a quienes asignar (reviewer-app team add).</translation>
    </message>
    <message>
        <source>Cannot reach the team database {database} ({problem}). Nothing was done: go on scoring in this data folder, and sync when the server can be reached.</source>
        <translation>No se puede acceder a la base de datos de equipo {database} ({problem}). No se hizo nada: siga puntuando en esta carpeta de datos y sincronice cuando se pueda acceder al servidor.</translation>
    </message>
    <message>
        <source>Checkout and sync work with a team database: give --database postgresql://LOGIN@HOST:PORT/DBNAME.</source>
        <translation>La copia para trabajar sin conexión y la sincronización funcionan con una base de datos de equipo: indique --database postgresql://USUARIO@SERVIDOR:PUERTO/BASE.</translation>
    </message>
    <message>
        <source>The login {login} is not a team member&apos;s: connect as your own login (reviewer-app team add binds one to a reviewer).</source>
        <translation>El usuario {login} no es de ningún miembro del equipo: conéctese con su propio usuario (reviewer-app team add vincula uno a un evaluador).</translation>
    </message>
    <message>
        <source>{submissions} is not assigned to you ({name}); nothing was checked out. Ask a lead to assign it (reviewer-app team assign).</source>
        <translation>{submissions} no le está asignada a usted ({name}); no se copió nada. Pida a un responsable de equipo que se la asigne (reviewer-app team assign).</translation>
    </message>
    <message>
        <source>The evidence of {what} is not on this computer. Until evidence is kept in the team database, check out on the computer that imported it (or with a copy of its data folder). Nothing was checked out.</source>
        <translation>Las evidencias de {what} no están en este ordenador. Mientras las evidencias no se guarden en la base de datos de equipo, haga la copia en el ordenador que las importó (o con una copia de su carpeta de datos). No se copió nada.</translation>
    </message>
    <message>
        <source>This data folder was checked out from {database} as {login}, not from {here}: connect to that database as that login, or use another data folder. Nothing was done.</source>
        <translation>Esta carpeta de datos se copió de {database} como {login}, no de {here}: conéctese a esa base de datos con ese usuario, o use otra carpeta de datos. No se hizo nada.</translation>
    </message>
    <message>
        <source>This data folder holds no checkout from a team database (reviewer-app team checkout).</source>
        <translation>Esta carpeta de datos no contiene ninguna copia de una base de datos de equipo (reviewer-app team checkout).</translation>
    </message>
    <message>
        <source>the reviews from {folder}</source>
        <translation>las revisiones de {folder}</translation>
    </message>
    <message>
        <source>Packet {packet} is not one of your ({login}&apos;s) checkouts; nothing was synced.</source>
        <translation>El lote de revisión {packet} no es una de sus copias ({login}); no se sincronizó nada.</translation>
    </message>
</context>
<context>
    <name>TeamDatabase</name>
    <message>
        <source>The server refused the password of {login}: check it and try again.</source>
        <translation>El servidor rechazó la contraseña de {login}: revísela e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The server does not let {login} connect to {database}: ask your team lead.</source>
        <translation>El servidor no deja que {login} se conecte a {database}: consulte a su responsable de equipo.</translation>
    </message>
    <message>
        <source>The server {server} has no database {database}.</source>
        <translation>El servidor {server} no tiene ninguna base de datos {database}.</translation>
    </message>
    <message>
        <source>The server {server} has too many connections now; try again in a moment.</source>
        <translation>El servidor {server} tiene demasiadas conexiones ahora; inténtelo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The server asks for the password of {login}.</source>
        <translation>El servidor pide la contraseña de {login}.</translation>
    </message>
    <message>
        <source>Cannot reach the server {server}: check its name and port, and the network.</source>
        <translation>No se puede llegar al servidor {server}: revise su nombre y puerto, y la red.</translation>
    </message>
    <message>
        <source>The server {server} refused the connection: {problem}.</source>
        <translation>El servidor {server} rechazó la conexión: {problem}.</translation>
    </message>
</context>
</TS>
