<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Where the annotation is</source>
        <translation>Dónde está la anotación</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>What the earner reads beside this place; Enter saves, Shift+Enter starts a new line</source>
        <translation>Lo que el participante lee junto a este lugar; Intro guarda, Mayús+Intro empieza una línea nueva</translation>
    </message>
    <message>
        <source>What the earner should see here</source>
        <translation>Lo que el participante debería ver aquí</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Criterio</translation>
    </message>
    <message>
        <source>The criterion this annotation speaks to, or General</source>
        <translation>El criterio al que se refiere esta anotación, o General</translation>
    </message>
    <message>
        <source>General (no criterion)</source>
        <translation>General (sin criterio)</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <source>An optional tag from the criterion&apos;s comment bank</source>
        <translation>Una etiqueta opcional del banco de comentarios del criterio</translation>
    </message>
    <message>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation>&amp;Comentario:</translation>
    </message>
    <message>
        <source>C&amp;riterion:</source>
        <translation>C&amp;riterio:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Saves the annotation (Enter)</source>
        <translation>Guarda la anotación (Intro)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes this form; nothing is saved (Esc)</source>
        <translation>Cierra este formulario; no se guarda nada (Esc)</translation>
    </message>
    <message>
        <source>No tag</source>
        <translation>Sin etiqueta</translation>
    </message>
    <message>
        <source>Write a comment: it is what the earner reads here.</source>
        <translation>Escriba un comentario: es lo que el participante lee aquí.</translation>
    </message>
</context>
<context>
    <name>AnnotationGroup</name>
    <message>
        <source>Annotation {number}, {place}: {comment}</source>
        <translation>Anotación {number}, {place}: {comment}</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;liminar</translation>
    </message>
</context>
<context>
    <name>AnnotationLists</name>
    <message>
        <source>{item}, page {page}</source>
        <translation>{item}, página {page}</translation>
    </message>
    <message>
        <source>General annotations</source>
        <translation>Anotaciones generales</translation>
    </message>
    <message>
        <source>Annotations on {criterion}</source>
        <translation>Anotaciones sobre {criterion}</translation>
    </message>
    <message>
        <source>No annotations yet: draw on the evidence, or press A.</source>
        <translation>Aún no hay anotaciones: dibuje sobre la evidencia o pulse A.</translation>
    </message>
    <message>
        <source>No annotations.</source>
        <translation>Sin anotaciones.</translation>
    </message>
    <message>
        <source>None: every annotation is under its criterion.</source>
        <translation>Ninguna: cada anotación está bajo su criterio.</translation>
    </message>
</context>
<context>
    <name>CriterionCard</name>
    <message>
        <source>Criterion {position} of {count}: {title}</source>
        <translation>Criterio {position} de {count}: {title}</translation>
    </message>
    <message>
        <source>Descriptors</source>
        <translation>Descriptores</translation>
    </message>
    <message>
        <source>Descriptors: {title}</source>
        <translation>Descriptores: {title}</translation>
    </message>
    <message>
        <source>Show or hide the prompt and what each level means</source>
        <translation>Muestra u oculta la consigna y lo que significa cada nivel</translation>
    </message>
    <message>
        <source>Comment for the earner on this criterion</source>
        <translation>Comentario para el participante sobre este criterio</translation>
    </message>
    <message>
        <source>Comment: {title}</source>
        <translation>Comentario: {title}</translation>
    </message>
    <message>
        <source>What the earner reads about {title}; Ctrl+Down goes to the next criterion&apos;s comment, Esc back to the levels</source>
        <translation>Lo que el participante lee sobre {title}; Ctrl+Abajo lleva al comentario del siguiente criterio y Esc vuelve a los niveles</translation>
    </message>
    <message>
        <source>Key {n}</source>
        <translation>Tecla {n}</translation>
    </message>
    <message>
        <source>Comment bank: {title}</source>
        <translation>Banco de comentarios: {title}</translation>
    </message>
    <message>
        <source>Comment bank</source>
        <translation>Banco de comentarios</translation>
    </message>
    <message>
        <source>Insert a sentence from this criterion&apos;s bank (B)</source>
        <translation>Insertar una frase del banco de este criterio (B)</translation>
    </message>
    <message>
        <source>No comment</source>
        <translation>Sin comentario</translation>
    </message>
</context>
<context>
    <name>DescriptorLabel</name>
    <message>
        <source>✓ &lt;b&gt;{label} (chosen): {descriptor}&lt;/b&gt;</source>
        <translation>✓ &lt;b&gt;{label} (elegido): {descriptor}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{label}:&lt;/b&gt; {descriptor}</source>
        <translation>&lt;b&gt;{label}:&lt;/b&gt; {descriptor}</translation>
    </message>
    <message>
        <source>{label} (chosen): {descriptor}</source>
        <translation>{label} (elegido): {descriptor}</translation>
    </message>
    <message>
        <source>{label}: {descriptor}</source>
        <translation>{label}: {descriptor}</translation>
    </message>
</context>
<context>
    <name>EvidenceControls</name>
    <message>
        <source>Clear {name}</source>
        <translation>Borrar el campo {name}</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <source>Unlocked with the password you typed, until you open another item. Its words are not in the evidence search, which could not open it.</source>
        <translation>Desbloqueado con la contraseña que escribió, hasta que abra otro elemento. Sus palabras no están en la búsqueda de evidencias, que no pudo abrirlo.</translation>
    </message>
    <message>
        <source>Written answer</source>
        <translation>Respuesta escrita</translation>
    </message>
    <message>
        <source>{n} pages</source>
        <translation>{n} páginas</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidencias</translation>
    </message>
    <message>
        <source>Evidence items</source>
        <translation>Elementos de evidencia</translation>
    </message>
    <message>
        <source>Evidence items by rubric part (Alt+Down: next item)</source>
        <translation>Elementos de evidencia por parte de la rúbrica (Alt+Abajo: siguiente elemento)</translation>
    </message>
    <message>
        <source>Evidence items heading</source>
        <translation>Encabezado de los elementos de evidencia</translation>
    </message>
    <message>
        <source>No submission is open</source>
        <translation>No hay ninguna entrega abierta</translation>
    </message>
    <message>
        <source>Choose a submission in the queue to read its evidence here.</source>
        <translation>Elija una entrega en la cola para leer aquí sus evidencias.</translation>
    </message>
    <message>
        <source>Next evidence item</source>
        <translation>Siguiente elemento de evidencia</translation>
    </message>
    <message>
        <source>Previous evidence item</source>
        <translation>Elemento de evidencia anterior</translation>
    </message>
    <message>
        <source>Evidence list</source>
        <translation>Lista de evidencias</translation>
    </message>
    <message>
        <source>Choose an evidence item</source>
        <translation>Elegir un elemento de evidencia</translation>
    </message>
    <message>
        <source>Annotate an area</source>
        <translation>Anotar una zona</translation>
    </message>
    <message>
        <source>Puts a rectangle on the page: arrow keys move it, Shift and the arrows resize it, Enter confirms, Escape cancels</source>
        <translation>Pone un rectángulo en la página: las flechas lo mueven, Mayús y las flechas cambian su tamaño, Intro confirma, Escape cancela</translation>
    </message>
    <message>
        <source>Draw annotations with the mouse</source>
        <translation>Dibujar anotaciones con el ratón</translation>
    </message>
    <message>
        <source>Draw annotations with the mouse: drag a rectangle on a page or picture (or hold Shift while dragging)</source>
        <translation>Dibujar anotaciones con el ratón: arrastre un rectángulo sobre una página o imagen (o mantenga Mayús pulsada al arrastrar)</translation>
    </message>
    <message>
        <source>Annotate selection</source>
        <translation>Anotar la selección</translation>
    </message>
    <message>
        <source>Annotate this page</source>
        <translation>Anotar esta página</translation>
    </message>
    <message>
        <source>{part}, 1 item</source>
        <translation>{part}, 1 elemento</translation>
    </message>
    <message>
        <source>{part}, {count} items</source>
        <translation>{part}, {count} elementos</translation>
    </message>
    <message>
        <source>{description}, has a warning</source>
        <translation>{description}, tiene un aviso</translation>
    </message>
    <message>
        <source>Fetching {name}</source>
        <translation>Trayendo {name}</translation>
    </message>
    <message>
        <source>The file is coming from the team database; it shows here when it has arrived, and is kept on this computer for next time.</source>
        <translation>El archivo llega desde la base de datos del equipo; se mostrará aquí cuando haya llegado y se guardará en este equipo para la próxima vez.</translation>
    </message>
    <message>
        <source>Item {n} of {count}: {title}</source>
        <translation>Elemento {n} de {count}: {title}</translation>
    </message>
    <message>
        <source>The file could not be fetched from the team database</source>
        <translation>No se pudo traer el archivo de la base de datos del equipo</translation>
    </message>
    <message>
        <source>This submission has no evidence</source>
        <translation>Esta entrega no tiene evidencias</translation>
    </message>
    <message>
        <source>The bundle listed no files and no written answers.</source>
        <translation>El paquete de evidencias no incluía archivos ni respuestas escritas.</translation>
    </message>
    <message>
        <source>{n} of {count}</source>
        <translation>{n} de {count}</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Work artifacts</source>
        <translation>Artefactos de trabajo</translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation>Reflexión</translation>
    </message>
    <message>
        <source>Other evidence</source>
        <translation>Otras evidencias</translation>
    </message>
</context>
<context>
    <name>Footer</name>
    <message>
        <source>Decision if submitted now</source>
        <translation>Decisión si se envía ahora</translation>
    </message>
    <message>
        <source>Total points</source>
        <translation>Puntuación total</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Submit review</source>
        <translation>Enviar la revisión</translation>
    </message>
    <message>
        <source>Submit the review (Ctrl+Enter)</source>
        <translation>Enviar la revisión (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>Reabrir…</translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation>Reabrir la revisión</translation>
    </message>
    <message>
        <source>Take the submitted review back to work</source>
        <translation>Volver a trabajar en la revisión enviada</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Estado del guardado</translation>
    </message>
    <message>
        <source>Submitted {when}: {decision}. Reopen the review to change it.</source>
        <translation>Enviada el {when}: {decision}. Reabra la revisión para cambiarla.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>Guardado: {time}</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>No guardado</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <source>Image viewer</source>
        <translation>Visor de imágenes</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Drag to move the picture; Ctrl and the mouse wheel zoom</source>
        <translation>Arrastre para mover la imagen; Ctrl y la rueda de desplazamiento acercan o alejan</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Tamaño real</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Girar a la izquierda</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Girar a la derecha</translation>
    </message>
    <message>
        <source>Image tools</source>
        <translation>Herramientas de imagen</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>Abrir con el visor del sistema</translation>
    </message>
    <message>
        <source>Open a read-only copy in your computer&apos;s own viewer</source>
        <translation>Abrir una copia de solo lectura en el visor de su equipo</translation>
    </message>
    <message>
        <source>The stored file is missing</source>
        <translation>Falta el archivo guardado</translation>
    </message>
    <message>
        <source>The data folder was changed outside Portfolio Reviewer. Check it with “reviewer-app check”, or import the bundle again.</source>
        <translation>La carpeta de datos se modificó fuera de Portfolio Reviewer. Compruébela con “reviewer-app check” o vuelva a importar el paquete de evidencias.</translation>
    </message>
    <message>
        <source>This image is damaged and cannot be shown</source>
        <translation>Esta imagen está dañada y no se puede mostrar</translation>
    </message>
    <message>
        <source>Open it with your system&apos;s viewer, which may show what is left of it, or ask the earner for a new copy.</source>
        <translation>Ábrala con el visor del sistema, que quizá muestre lo que queda de ella, o pida al participante una copia nueva.</translation>
    </message>
    <message>
        <source>{width} by {height} pixels</source>
        <translation>{width} por {height} píxeles</translation>
    </message>
    <message>
        <source>Fit {percent}%</source>
        <translation>Ajuste: {percent} %</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation>Zoom {percent} %</translation>
    </message>
    <message>
        <source>Page {frame} of {count}</source>
        <translation>Página {frame} de {count}</translation>
    </message>
</context>
<context>
    <name>MediaType</name>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>JPEG image</source>
        <translation>imagen JPEG</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>imagen PNG</translation>
    </message>
    <message>
        <source>GIF image</source>
        <translation>imagen GIF</translation>
    </message>
    <message>
        <source>WebP image</source>
        <translation>imagen WebP</translation>
    </message>
    <message>
        <source>TIFF image</source>
        <translation>imagen TIFF</translation>
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
        <source>zip file (perhaps a Word or OpenDocument file)</source>
        <translation>archivo zip (quizá un documento de Word u OpenDocument)</translation>
    </message>
    <message>
        <source>MP4 video</source>
        <translation>video MP4</translation>
    </message>
    <message>
        <source>of no type we recognise</source>
        <translation>de un tipo que no se reconoce</translation>
    </message>
</context>
<context>
    <name>OtherView</name>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>File details</source>
        <translation>Detalles del archivo</translation>
    </message>
    <message>
        <source>Portfolio Reviewer cannot show this kind of file. Your system&apos;s viewer opens a read-only copy, so the evidence stays as the earner sent it.</source>
        <translation>Portfolio Reviewer no puede mostrar este tipo de archivo. El visor del sistema abre una copia de solo lectura, de modo que las evidencias se conservan tal como las envió el participante.</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>Abrir con el visor del sistema</translation>
    </message>
    <message>
        <source>Open a read-only copy in your computer&apos;s own viewer</source>
        <translation>Abrir una copia de solo lectura en el visor de su equipo</translation>
    </message>
    <message>
        <source>File name:</source>
        <translation>Nombre del archivo:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>The stored file is missing from the data folder.</source>
        <translation>El archivo guardado no está en la carpeta de datos.</translation>
    </message>
    <message>
        <source>{title}: {kind}, {size}</source>
        <translation>{title}: {kind}, {size}</translation>
    </message>
    <message>
        <source>Not opened: files of this type can run as programs or hide one, so they are not handed to the system. Ask the earner for a PDF, a picture or plain text.</source>
        <translation>No se abrió: los archivos de este tipo pueden ejecutarse como programas u ocultar uno, así que no se entregan al sistema. Pida a la persona un PDF, una imagen o texto sin formato.</translation>
    </message>
    <message>
        <source>No application on this computer opened it. Install a viewer for {kind} files, or ask the earner for another format.</source>
        <translation>Ninguna aplicación de este equipo lo abrió. Instale un visor para archivos de tipo {kind} o pida al participante otro formato.</translation>
    </message>
</context>
<context>
    <name>OverflowBar</name>
    <message>
        <source>More tools</source>
        <translation>Más herramientas</translation>
    </message>
    <message>
        <source>More tools: the ones there is no room for here</source>
        <translation>Más herramientas: las que no caben aquí</translation>
    </message>
</context>
<context>
    <name>PdfProblemPane</name>
    <message>
        <source>The stored file is missing</source>
        <translation>Falta el archivo guardado</translation>
    </message>
    <message>
        <source>The data folder was changed outside Portfolio Reviewer. Check it with “reviewer-app check”, or import the bundle again.</source>
        <translation>La carpeta de datos se modificó fuera de Portfolio Reviewer. Compruébela con “reviewer-app check” o vuelva a importar el paquete de evidencias.</translation>
    </message>
    <message>
        <source>This PDF is protected by a password</source>
        <translation>Este PDF está protegido con contraseña</translation>
    </message>
    <message>
        <source>Type the password below if the earner gave it to you. Otherwise open it with your system&apos;s viewer, or ask the earner for a copy without a password.</source>
        <translation>Escriba la contraseña abajo si el participante se la dio. Si no, ábralo con el visor del sistema o pida al participante una copia sin contraseña.</translation>
    </message>
    <message>
        <source>This PDF uses a kind of protection that cannot be opened here</source>
        <translation>Este PDF usa un tipo de protección que no se puede abrir aquí</translation>
    </message>
    <message>
        <source>Open it with your system&apos;s viewer, or ask the earner for a copy without protection.</source>
        <translation>Ábralo con el visor del sistema o pida al participante una copia sin protección.</translation>
    </message>
    <message>
        <source>This PDF is damaged and cannot be shown</source>
        <translation>Este PDF está dañado y no se puede mostrar</translation>
    </message>
    <message>
        <source>It may have been cut off while it was uploaded or downloaded. Open it with your system&apos;s viewer, which can sometimes repair it, or ask the earner for a new copy.</source>
        <translation>Puede que se cortara al subirlo o descargarlo. Ábralo con el visor del sistema, que a veces puede repararlo, o pida al participante una copia nueva.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>Contraseña del PDF</translation>
    </message>
    <message>
        <source>The password the earner gave you</source>
        <translation>La contraseña que le dio el participante</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Unlock the PDF with this password</source>
        <translation>Desbloquear el PDF con esta contraseña</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>Abrir con el visor del sistema</translation>
    </message>
    <message>
        <source>Open a read-only copy in your computer&apos;s own viewer</source>
        <translation>Abrir una copia de solo lectura en el visor de su equipo</translation>
    </message>
    <message>
        <source>That password did not open it. Check it with the earner, or open the file with your system&apos;s viewer.</source>
        <translation>Esa contraseña no lo abrió. Compruébela con el participante o abra el archivo con el visor del sistema.</translation>
    </message>
</context>
<context>
    <name>PdfSearch</name>
    <message>
        <source>Find in PDF</source>
        <translation>Buscar en el PDF</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <source>Find in this PDF</source>
        <translation>Buscar en este PDF</translation>
    </message>
    <message>
        <source>{find}; Enter: next match, Shift+Enter: previous</source>
        <translation>{find}; Intro: coincidencia siguiente, Mayús+Intro: anterior</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 coincidencia</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} coincidencias</translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation>{current} de {count}</translation>
    </message>
</context>
<context>
    <name>PdfView</name>
    <message>
        <source>PDF viewer</source>
        <translation>Visor de PDF</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>Páginas del PDF</translation>
    </message>
    <message>
        <source>PDF pages: Page Down and Page Up move by a page</source>
        <translation>Páginas del PDF: Av Pág y Re Pág avanzan o retroceden una página</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Go to page</source>
        <translation>Ir a la página</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>Ajustar la página</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Tamaño real</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Page thumbnails</source>
        <translation>Miniaturas de las páginas</translation>
    </message>
    <message>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <source>Page number: type a page and press Enter to go there ({keys})</source>
        <translation>Número de página: escriba una página y pulse Intro para ir a ella ({keys})</translation>
    </message>
    <message>
        <source>PDF tools</source>
        <translation>Herramientas de PDF</translation>
    </message>
    <message>
        <source>of {count}</source>
        <translation>de {count}</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} páginas</translation>
    </message>
    <message>
        <source>1 page</source>
        <translation>1 página</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>Página {page} de {count}</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Zoom: {percent}%</source>
        <translation>Zoom: {percent} %</translation>
    </message>
    <message>
        <source>Zoom {percent}%</source>
        <translation>Zoom {percent} %</translation>
    </message>
</context>
<context>
    <name>RubricPanel</name>
    <message>
        <source>Choose level 1 (the lowest) for the current criterion</source>
        <translation>Elegir el nivel 1 (el más bajo) para el criterio actual</translation>
    </message>
    <message>
        <source>Choose level {n} for the current criterion</source>
        <translation>Elegir el nivel {n} para el criterio actual</translation>
    </message>
    <message>
        <source>Clear the current criterion&apos;s level</source>
        <translation>Borrar el nivel del criterio actual</translation>
    </message>
    <message>
        <source>Next criterion</source>
        <translation>Criterio siguiente</translation>
    </message>
    <message>
        <source>Previous criterion</source>
        <translation>Criterio anterior</translation>
    </message>
    <message>
        <source>Next criterion not scored yet</source>
        <translation>Siguiente criterio sin puntuar</translation>
    </message>
    <message>
        <source>Write a comment on the current criterion</source>
        <translation>Escribir un comentario sobre el criterio actual</translation>
    </message>
    <message>
        <source>Insert a sentence from the current criterion&apos;s comment bank</source>
        <translation>Insertar una frase del banco de comentarios del criterio actual</translation>
    </message>
    <message>
        <source>Leave the text box, back to the criterion</source>
        <translation>Salir del cuadro de texto y volver al criterio</translation>
    </message>
    <message>
        <source>Write the overall feedback</source>
        <translation>Escribir la retroalimentación general</translation>
    </message>
    <message>
        <source>Submit the review</source>
        <translation>Enviar la revisión</translation>
    </message>
    <message>
        <source>Next annotation</source>
        <translation>Anotación siguiente</translation>
    </message>
    <message>
        <source>Previous annotation</source>
        <translation>Anotación anterior</translation>
    </message>
    <message>
        <source>Undo the last annotation change</source>
        <translation>Deshacer el último cambio en las anotaciones</translation>
    </message>
    <message>
        <source>Redo the annotation change undone</source>
        <translation>Rehacer el cambio deshecho en las anotaciones</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Rúbrica</translation>
    </message>
    <message>
        <source>Resubmission</source>
        <translation>Nueva entrega</translation>
    </message>
    <message>
        <source>Earlier attempts…</source>
        <translation>Intentos anteriores…</translation>
    </message>
    <message>
        <source>Open the earlier attempts</source>
        <translation>Abrir los intentos anteriores</translation>
    </message>
    <message>
        <source>The earner&apos;s earlier attempts at this micro-credential, with their feedback</source>
        <translation>Los intentos anteriores del participante en esta microcredencial, con su retroalimentación</translation>
    </message>
    <message>
        <source>Submit result</source>
        <translation>Resultado del envío</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Criterios</translation>
    </message>
    <message>
        <source>Reopen review</source>
        <translation>Reabrir la revisión</translation>
    </message>
    <message>
        <source>Why are you reopening the review of {submission}? (kept in the audit trail)</source>
        <translation>¿Por qué reabre la revisión de {submission}? (Queda en el registro de auditoría).</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <source>Submit a Not Yet</source>
        <translation>Enviar un Aún no</translation>
    </message>
    <message>
        <source>Submit the review of {submission} as Not Yet?</source>
        <translation>¿Enviar la revisión de {submission} como Aún no?</translation>
    </message>
    <message>
        <source>The earner gets your feedback and can try again. Reopen the review to change it later.</source>
        <translation>El participante recibe su retroalimentación y puede volver a intentarlo. Reabra la revisión para cambiarla más adelante.</translation>
    </message>
    <message>
        <source>&amp;Submit Not Yet</source>
        <translation>&amp;Enviar Aún no</translation>
    </message>
    <message>
        <source>Submit the review as Not Yet</source>
        <translation>Enviar la revisión como Aún no</translation>
    </message>
    <message>
        <source>Submits the review with the decision Not Yet (Alt+S)</source>
        <translation>Envía la revisión con la decisión Aún no (Alt+E)</translation>
    </message>
    <message>
        <source>&amp;Keep reviewing</source>
        <translation>&amp;Seguir revisando</translation>
    </message>
    <message>
        <source>Keep reviewing</source>
        <translation>Seguir revisando</translation>
    </message>
    <message>
        <source>Back to the review; nothing is submitted (Enter, Esc)</source>
        <translation>Vuelve a la revisión; no se envía nada (Intro, Esc)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t ask again</source>
        <translation>&amp;No volver a preguntar</translation>
    </message>
    <message>
        <source>Don&apos;t ask again before submitting a Not Yet</source>
        <translation>No volver a preguntar antes de enviar un Aún no</translation>
    </message>
    <message>
        <source>Submit a Not Yet without this question from now on (File &gt; Settings)</source>
        <translation>Enviar un Aún no sin esta pregunta a partir de ahora (Archivo &gt; Configuración)</translation>
    </message>
    <message>
        <source>The setting could not be saved ({reason}): the question will be asked again next time.</source>
        <translation>No se pudo guardar la configuración ({reason}): la pregunta se hará de nuevo la próxima vez.</translation>
    </message>
    <message>
        <source>{submission} · {credential}</source>
        <translation>{submission} · {credential}</translation>
    </message>
    <message>
        <source>This submission cannot be scored yet</source>
        <translation>Esta entrega aún no se puede puntuar</translation>
    </message>
    <message>
        <source>No submission open</source>
        <translation>Ninguna entrega abierta</translation>
    </message>
    <message>
        <source>Choose a submission in the queue (click it, or select it and press Enter): its rubric opens here.</source>
        <translation>Elija una entrega en la cola (haga clic en ella, o selecciónela y pulse Intro): su rúbrica se abre aquí.</translation>
    </message>
    <message>
        <source>Then score by keyboard: 1 to 9 choose a level, J and K move between criteria, C writes a comment, Ctrl+Enter submits.</source>
        <translation>Luego puntúe con el teclado: 1 a 9 eligen un nivel, J y K pasan de un criterio a otro, C escribe un comentario, Ctrl+Intro envía.</translation>
    </message>
    <message>
        <source>Overall feedback</source>
        <translation>Retroalimentación general</translation>
    </message>
    <message>
        <source>What the earner reads about the whole portfolio, with the decision (F)</source>
        <translation>Lo que el participante lee sobre el portafolio completo, junto con la decisión (F)</translation>
    </message>
    <message>
        <source>Feedback for the earner on the whole submission</source>
        <translation>Retroalimentación para el participante sobre toda la entrega</translation>
    </message>
    <message>
        <source>No overall feedback</source>
        <translation>Sin retroalimentación general</translation>
    </message>
    <message>
        <source>Attempt {n}. Earlier feedback: {feedback}</source>
        <translation>Intento {n}. Retroalimentación anterior: {feedback}</translation>
    </message>
    <message>
        <source>Attempt {n}. The earlier attempts have no overall feedback.</source>
        <translation>Intento {n}. Los intentos anteriores no tienen retroalimentación general.</translation>
    </message>
    <message>
        <source>Attempt {n}. The earlier attempts are not in this data folder.</source>
        <translation>Intento {n}. Los intentos anteriores no están en esta carpeta de datos.</translation>
    </message>
    <message>
        <source>Could not save to the data folder ({detail}). What you typed is still here and will be saved again in a few seconds; check the disk.</source>
        <translation>No se pudo guardar en la carpeta de datos ({detail}). Lo que ha escrito sigue aquí y se intentará guardar de nuevo en unos segundos; revise el disco.</translation>
    </message>
    <message>
        <source>The review was not reopened: give a reason for reopening it.</source>
        <translation>No se reabrió la revisión: indique el motivo para reabrirla.</translation>
    </message>
    <message>
        <source>{title} has {n} levels: press 1 to {n}.</source>
        <translation>{title} tiene {n} niveles: pulse de 1 a {n}.</translation>
    </message>
    <message>
        <source>Every criterion is scored.</source>
        <translation>Todos los criterios están puntuados.</translation>
    </message>
    <message>
        <source>This review is submitted: reopen it to annotate.</source>
        <translation>Esta revisión está enviada: reábrala para anotar.</translation>
    </message>
    <message>
        <source>New annotation</source>
        <translation>Nueva anotación</translation>
    </message>
    <message>
        <source>Annotation {number}</source>
        <translation>Anotación {number}</translation>
    </message>
    <message>
        <source>Annotation {number} deleted (Ctrl+Z brings it back).</source>
        <translation>Anotación {number} eliminada (Ctrl+Z la recupera).</translation>
    </message>
    <message>
        <source>This review has no annotations yet.</source>
        <translation>Esta revisión aún no tiene anotaciones.</translation>
    </message>
    <message>
        <source>No annotation change to undo.</source>
        <translation>No hay ningún cambio en las anotaciones que deshacer.</translation>
    </message>
    <message>
        <source>Undone: {change}.</source>
        <translation>Deshecho: {change}.</translation>
    </message>
    <message>
        <source>No annotation change to redo.</source>
        <translation>No hay ningún cambio en las anotaciones que rehacer.</translation>
    </message>
    <message>
        <source>Redone: {change}.</source>
        <translation>Rehecho: {change}.</translation>
    </message>
    <message>
        <source>The annotation was not saved.</source>
        <translation>La anotación no se guardó.</translation>
    </message>
    <message>
        <source>{item}, page {page}</source>
        <translation>{item}, página {page}</translation>
    </message>
    <message>
        <source>{place}: “{quote}”</source>
        <translation>{place}: «{quote}»</translation>
    </message>
    <message>
        <source>1 pt</source>
        <translation>1 pt</translation>
    </message>
    <message>
        <source>{n} pts</source>
        <translation>{n} pts</translation>
    </message>
    <message>
        <source>✓ {label}</source>
        <translation>✓ {label}</translation>
    </message>
    <message>
        <source>{label} ({points})</source>
        <translation>{label} ({points})</translation>
    </message>
    <message>
        <source>✓ {level} (chosen)</source>
        <translation>✓ {level} (elegido)</translation>
    </message>
    <message>
        <source>(none chosen)</source>
        <translation>(ninguno elegido)</translation>
    </message>
    <message>
        <source>{criterion}: no level chosen (submitted)</source>
        <translation>{criterion}: ningún nivel elegido (enviada)</translation>
    </message>
    <message>
        <source>{criterion}: {level} chosen (submitted)</source>
        <translation>{criterion}: {level} elegido (enviada)</translation>
    </message>
    <message>
        <source>{criterion}: {level}</source>
        <translation>{criterion}: {level}</translation>
    </message>
    <message>
        <source>1 criterion</source>
        <translation>1 criterio</translation>
    </message>
    <message>
        <source>{n} criteria</source>
        <translation>{n} criterios</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Sin puntuar</translation>
    </message>
    <message>
        <source>{label}: meets the standard</source>
        <translation>{label}: cumple el estándar</translation>
    </message>
    <message>
        <source>{label}: below the passing level</source>
        <translation>{label}: por debajo del nivel mínimo para superar</translation>
    </message>
    <message>
        <source>{label}: scored</source>
        <translation>{label}: puntuado</translation>
    </message>
    <message>
        <source>Decision if submitted now: none, {count} not scored yet; {unmet} already below the passing level</source>
        <translation>Decisión si se envía ahora: ninguna; {count} sin puntuar todavía; {unmet} ya por debajo del nivel mínimo para superar</translation>
    </message>
    <message>
        <source>Decision if submitted now: none, {count} not scored yet</source>
        <translation>Decisión si se envía ahora: ninguna; {count} sin puntuar todavía</translation>
    </message>
    <message>
        <source>Decision if submitted now: Pass</source>
        <translation>Decisión si se envía ahora: Superado</translation>
    </message>
    <message>
        <source>Decision if submitted now: Not Yet: {count} below the passing level</source>
        <translation>Decisión si se envía ahora: Aún no; {count} por debajo del nivel mínimo para superar</translation>
    </message>
    <message>
        <source>Decision if submitted now: Not Yet: the total is below the pass mark</source>
        <translation>Decisión si se envía ahora: Aún no; el total está por debajo de la puntuación mínima para superar</translation>
    </message>
    <message>
        <source>Decision if submitted now: {outcome}</source>
        <translation>Decisión si se envía ahora: {outcome}</translation>
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
        <source>Total {total} of {most}</source>
        <translation>Total: {total} de {most}</translation>
    </message>
    <message>
        <source>Total {total} of {most} (pass needs {needed})</source>
        <translation>Total: {total} de {most} (para superar se necesitan {needed})</translation>
    </message>
    <message>
        <source>Not submitted: 1 criterion is not scored yet: {titles}.</source>
        <translation>No se envió: 1 criterio aún no está puntuado: {titles}.</translation>
    </message>
    <message>
        <source>Not submitted: {n} criteria are not scored yet: {titles}.</source>
        <translation>No se envió: {n} criterios aún no están puntuados: {titles}.</translation>
    </message>
    <message>
        <source>Current criterion {position} of {count}: {title}. {state}.</source>
        <translation>Criterio actual {position} de {count}: {title}. {state}.</translation>
    </message>
    <message>
        <source>Your review is in: {outcome}. The reviewers disagree; a lead decides.</source>
        <translation>Su revisión está registrada: {outcome}. Los revisores no coinciden; decide un responsable.</translation>
    </message>
    <message>
        <source>Your review is in ({outcome}); the submission awaits another reviewer.</source>
        <translation>Su revisión está registrada ({outcome}); la entrega espera a otro revisor.</translation>
    </message>
    <message>
        <source>Submitted: Not Yet. The earner gets the feedback.</source>
        <translation>Enviada: Aún no. El participante recibe la retroalimentación.</translation>
    </message>
    <message>
        <source>Submitted: Pass.</source>
        <translation>Enviada: Superado.</translation>
    </message>
    <message>
        <source>Submitted: {outcome}.</source>
        <translation>Enviada: {outcome}.</translation>
    </message>
    <message>
        <source>Annotation {number} is no longer in this review.</source>
        <translation>La anotación {number} ya no está en esta revisión.</translation>
    </message>
    <message>
        <source>Could not save to the data folder ({detail}).</source>
        <translation>No se pudo guardar en la carpeta de datos ({detail}).</translation>
    </message>
    <message>
        <source>Add annotation</source>
        <translation>Añadir la anotación</translation>
    </message>
    <message>
        <source>Edit annotation {number}</source>
        <translation>Editar la anotación {number}</translation>
    </message>
    <message>
        <source>Delete annotation {number}</source>
        <translation>Eliminar la anotación {number}</translation>
    </message>
</context>
<context>
    <name>TextView</name>
    <message>
        <source>Text viewer</source>
        <translation>Visor de texto</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>The earner&apos;s text, read-only; Ctrl+Plus and Ctrl+Minus change its size</source>
        <translation>El texto del participante, de solo lectura; Ctrl+Más y Ctrl+Menos cambian su tamaño</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>The stored file is missing</source>
        <translation>Falta el archivo guardado</translation>
    </message>
    <message>
        <source>The data folder was changed outside Portfolio Reviewer. Check it with “reviewer-app check”, or import the bundle again.</source>
        <translation>La carpeta de datos se modificó fuera de Portfolio Reviewer. Compruébela con “reviewer-app check” o vuelva a importar el paquete de evidencias.</translation>
    </message>
    <message>
        <source>This text cannot be shown</source>
        <translation>Este texto no se puede mostrar</translation>
    </message>
    <message>
        <source>The file {reason}.</source>
        <translation>El archivo no se puede leer como texto ({reason}).</translation>
    </message>
</context>
<context>
    <name>ThumbnailList</name>
    <message>
        <source>Page thumbnails</source>
        <translation>Miniaturas de las páginas</translation>
    </message>
    <message>
        <source>Page thumbnails: choose a page to go to it</source>
        <translation>Miniaturas de las páginas: elija una página para ir a ella</translation>
    </message>
</context>
<context>
    <name>ThumbnailModel</name>
    <message>
        <source>Page {label}</source>
        <translation>Página {label}</translation>
    </message>
</context>
<context>
    <name>WarningBanner</name>
    <message>
        <source>This file {warning}</source>
        <translation>Aviso sobre este archivo: {warning}</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <source>Warnings about this item</source>
        <translation>Avisos sobre este elemento</translation>
    </message>
</context>
</TS>
