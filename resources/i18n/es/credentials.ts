<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CredentialWords</name>
    <message>
        <source>Open Badges 3.0</source>
        <translation>Open Badges 3.0</translation>
    </message>
    <message>
        <source>Open Badges 2.0</source>
        <translation>Open Badges 2.0</translation>
    </message>
    <message>
        <source>Ed25519 (Open Badges 3.0 Data Integrity proofs)</source>
        <translation>Ed25519 (pruebas Data Integrity de Open Badges 3.0)</translation>
    </message>
    <message>
        <source>RSA (VC-JWT and Open Badges 2.0 signatures)</source>
        <translation>RSA (firmas VC-JWT y de Open Badges 2.0)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Data Integrity (eddsa-rdfc-2022): taken by most wallets</source>
        <translation>Data Integrity (eddsa-rdfc-2022): la aceptan la mayoría de las carteras digitales</translation>
    </message>
    <message>
        <source>VC-JWT: for verifiers that ask for JSON Web Tokens</source>
        <translation>VC-JWT: para verificadores que piden JSON Web Tokens</translation>
    </message>
    <message>
        <source>Export cancelled. Every credential signed so far is kept in the data folder, and no file in the export folder is half-written. Export again into the same folder to finish: nothing is signed twice.</source>
        <translation>Exportación cancelada. Todas las credenciales firmadas hasta ahora se conservan en la carpeta de datos y ningún archivo de la carpeta de exportación ha quedado a medio escribir. Vuelva a exportar en la misma carpeta para terminar: nada se firma dos veces.</translation>
    </message>
    <message>
        <source>Export credentials</source>
        <translation>Exportar credenciales</translation>
    </message>
    <message>
        <source>Passing decisions waiting to be exported</source>
        <translation>Decisiones de «Superado» pendientes de exportar</translation>
    </message>
    <message>
        <source>One micro-credential a row, with how many passing decisions wait for it</source>
        <translation>Una microcredencial por fila, con cuántas decisiones de «Superado» están pendientes</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Pendientes</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Carpeta de exportación</translation>
    </message>
    <message>
        <source>Export credentials into</source>
        <translation>Exportar las credenciales en</translation>
    </message>
    <message>
        <source>Export &amp;folder:</source>
        <translation>&amp;Carpeta de exportación:</translation>
    </message>
    <message>
        <source>a folder for the signed files</source>
        <translation>una carpeta para los archivos firmados</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>Elegir la carpeta de exportación</translation>
    </message>
    <message>
        <source>Where the signed credentials, the hosting folder and upload files go</source>
        <translation>Dónde se guardan las credenciales firmadas, la carpeta hosting y los archivos para cargar</translation>
    </message>
    <message>
        <source>Credential format</source>
        <translation>Formato de la credencial</translation>
    </message>
    <message>
        <source>The Open Badges version to sign; the list above counts what waits in it</source>
        <translation>La versión de Open Badges con la que se firma; la lista de arriba cuenta lo pendiente en ella</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>How Open Badges 3.0 credentials are signed; 2.0 has one kind only</source>
        <translation>Cómo se firman las credenciales Open Badges 3.0; la versión 2.0 tiene un solo tipo</translation>
    </message>
    <message>
        <source>Open Badges 2.0 credentials are signed assertions (JWS).</source>
        <translation>Las credenciales Open Badges 2.0 son aserciones firmadas (JWS).</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Emisor</translation>
    </message>
    <message>
        <source>The issuer whose keys sign the credentials</source>
        <translation>El emisor cuyas claves firman las credenciales</translation>
    </message>
    <message>
        <source>Passphrase of the issuer</source>
        <translation>Frase de contraseña del emisor</translation>
    </message>
    <message>
        <source>Unlocks the issuer&apos;s signing keys; cleared once the export is done</source>
        <translation>Desbloquea las claves de firma del emisor; se borra al terminar la exportación</translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>&amp;Proof:</source>
        <translation>&amp;Prueba:</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>&amp;Emisor:</translation>
    </message>
    <message>
        <source>Issuer:</source>
        <translation>Emisor:</translation>
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation>Frase de co&amp;ntraseña:</translation>
    </message>
    <message>
        <source>Export message</source>
        <translation>Mensaje de la exportación</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <source>Export progress in words</source>
        <translation>Progreso de la exportación en palabras</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Cancel the export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <source>Stops the export; every credential signed so far is kept</source>
        <translation>Detiene la exportación; se conservan todas las credenciales firmadas hasta el momento</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>Resumen de la exportación</translation>
    </message>
    <message>
        <source>What to publish</source>
        <translation>Qué publicar</translation>
    </message>
    <message>
        <source>Open the export folder</source>
        <translation>Abrir la carpeta de exportación</translation>
    </message>
    <message>
        <source>Shows the exported files in your file manager</source>
        <translation>Muestra los archivos exportados en su explorador de archivos</translation>
    </message>
    <message>
        <source>Open PUBLISH.html</source>
        <translation>Abrir PUBLISH.html</translation>
    </message>
    <message>
        <source>Open PUBLISH.html, the publishing guide</source>
        <translation>Abrir PUBLISH.html, la guía de publicación</translation>
    </message>
    <message>
        <source>Opens, in your browser, the guide to where each hosting file goes</source>
        <translation>Abre en su navegador la guía que indica dónde va cada archivo para publicar</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>Export the credentials</source>
        <translation>Exportar las credenciales</translation>
    </message>
    <message>
        <source>Signs the passing decisions waiting and writes them to the export folder (Enter)</source>
        <translation>Firma las decisiones de «Superado» pendientes y las guarda en la carpeta de exportación (Intro)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes this window (Esc); during an export, cancels it first</source>
        <translation>Cierra esta ventana (Esc); durante una exportación, primero la cancela</translation>
    </message>
    <message>
        <source>1 passing decision is waiting to be exported as {format}.</source>
        <translation>Hay 1 decisión de «Superado» pendiente de exportar como {format}.</translation>
    </message>
    <message>
        <source>{n} passing decisions are waiting to be exported as {format}.</source>
        <translation>Hay {n} decisiones de «Superado» pendientes de exportar como {format}.</translation>
    </message>
    <message>
        <source>Nothing to export: every passing decision has been exported as {format}.</source>
        <translation>Nada que exportar: todas las decisiones de «Superado» ya se han exportado como {format}.</translation>
    </message>
    <message>
        <source>There is no issuer in this data folder yet: make one in Credentials, Issuers and keys, before exporting.</source>
        <translation>Aún no hay ningún emisor en esta carpeta de datos: cree uno en Credenciales, Emisores y claves, antes de exportar.</translation>
    </message>
    <message>
        <source>Choose the folder to export into.</source>
        <translation>Elija la carpeta en la que exportar.</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder. Choose a folder.</source>
        <translation>{path} es un archivo, no una carpeta. Elija una carpeta.</translation>
    </message>
    <message>
        <source>Type the issuer&apos;s passphrase: it unlocks the signing keys.</source>
        <translation>Escriba la frase de contraseña del emisor: desbloquea las claves de firma.</translation>
    </message>
    <message>
        <source>Nothing to export: there is no passing decision waiting.</source>
        <translation>Nada que exportar: no hay ninguna decisión de «Superado» pendiente.</translation>
    </message>
    <message>
        <source>Opening the signing keys…</source>
        <translation>Abriendo las claves de firma…</translation>
    </message>
    <message>
        <source>Cancelling; what is whole is kept…</source>
        <translation>Cancelando; se conserva todo lo que esté completo…</translation>
    </message>
    <message>
        <source>Nothing to export: there was no passing decision waiting.</source>
        <translation>Nada que exportar: no había ninguna decisión de «Superado» pendiente.</translation>
    </message>
    <message>
        <source>Exported 1 credential to {folder}.</source>
        <translation>Se ha exportado 1 credencial a {folder}.</translation>
    </message>
    <message>
        <source>Exported {n} credentials to {folder}.</source>
        <translation>Se han exportado {n} credenciales a {folder}.</translation>
    </message>
    <message>
        <source>the issuer&apos;s hosting address</source>
        <translation>la dirección de publicación del emisor</translation>
    </message>
    <message>
        <source>Before handing them out, publish the hosting folder at {address} (PUBLISH.html says where each file goes): verifiers read the issuer&apos;s keys and revocation list there. The upload folder holds CSV files for bulk awarding on Canvas Credentials and Credly.</source>
        <translation>Antes de entregarlas, publique el contenido de la carpeta hosting en {address} (PUBLISH.html indica dónde va cada archivo): los verificadores leen allí las claves y la lista de revocación del emisor. La carpeta upload contiene archivos CSV para la concesión masiva en Canvas Credentials y Credly.</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Opens a folder picker; you can also type or paste the path</source>
        <translation>Abre un selector de carpetas; también puede escribir o pegar la ruta</translation>
    </message>
</context>
<context>
    <name>IssuersDialog</name>
    <message>
        <source>Issuers and keys</source>
        <translation>Emisores y claves</translation>
    </message>
    <message>
        <source>An issuer signs the credentials you export. Each has two signing keys, kept in this data folder and locked with the issuer&apos;s passphrase.</source>
        <translation>Un emisor firma las credenciales que usted exporta. Cada uno tiene dos claves de firma, guardadas en esta carpeta de datos y bloqueadas con la frase de contraseña del emisor.</translation>
    </message>
    <message>
        <source>Issuers and their keys</source>
        <translation>Emisores y sus claves</translation>
    </message>
    <message>
        <source>One issuer a branch, with its addresses and keys below it; arrow keys move, Right opens a branch</source>
        <translation>Un emisor por rama, con sus direcciones y claves debajo; las flechas desplazan y Derecha abre una rama</translation>
    </message>
    <message>
        <source>Issuer or key</source>
        <translation>Emisor o clave</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Retirada</translation>
    </message>
    <message>
        <source>About the issuers</source>
        <translation>Sobre los emisores</translation>
    </message>
    <message>
        <source>&amp;New issuer…</source>
        <translation>&amp;Nuevo emisor…</translation>
    </message>
    <message>
        <source>Make a new issuer</source>
        <translation>Crear un emisor nuevo</translation>
    </message>
    <message>
        <source>Opens a form for the issuer&apos;s name and addresses, and makes its two keys</source>
        <translation>Abre un formulario para el nombre y las direcciones del emisor, y crea sus dos claves</translation>
    </message>
    <message>
        <source>&amp;Rotate keys…</source>
        <translation>&amp;Rotar las claves…</translation>
    </message>
    <message>
        <source>Rotate the selected issuer&apos;s keys</source>
        <translation>Rotar las claves del emisor seleccionado</translation>
    </message>
    <message>
        <source>Retires a key in use and makes a new one; asks for the issuer&apos;s passphrase</source>
        <translation>Retira una clave en uso y crea una nueva; pide la frase de contraseña del emisor</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes the issuers and keys (Esc)</source>
        <translation>Cierra los emisores y claves (Esc)</translation>
    </message>
    <message>
        <source>There is no issuer in this data folder yet. Make one with New issuer… before exporting credentials.</source>
        <translation>Aún no hay ningún emisor en esta carpeta de datos. Cree uno con Nuevo emisor… antes de exportar credenciales.</translation>
    </message>
    <message>
        <source>{name} (the default issuer)</source>
        <translation>{name} (el emisor predeterminado)</translation>
    </message>
    <message>
        <source>Identifier: {method}</source>
        <translation>Identificador: {method}</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Dirección web</translation>
    </message>
    <message>
        <source>Hosting address</source>
        <translation>Dirección de publicación</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>no indicado</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logotipo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Identifier (DID)</source>
        <translation>Identificador (DID)</translation>
    </message>
    <message>
        <source>retired {date}</source>
        <translation>retirada el {date}</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>en uso</translation>
    </message>
    <message>
        <source>Key {id}</source>
        <translation>Clave {id}</translation>
    </message>
    <message>
        <source>{kind}, {state}</source>
        <translation>{kind}, {state}</translation>
    </message>
    <message>
        <source>The issuer is ready to sign. Keep its passphrase safe: it cannot be recovered.</source>
        <translation>El emisor está listo para firmar. Guarde su frase de contraseña en un lugar seguro: no se puede recuperar.</translation>
    </message>
    <message>
        <source>{name} is ready to sign. Keep its passphrase safe: it cannot be recovered.</source>
        <translation>{name} está listo para firmar. Guarde su frase de contraseña en un lugar seguro: no se puede recuperar.</translation>
    </message>
    <message>
        <source>New key {id} made; the old one is retired but stays published, so what it signed still verifies. Export again or update your export&apos;s hosting files, then publish them.</source>
        <translation>Se ha creado la clave nueva {id}; la anterior queda retirada pero sigue publicada, así que lo que firmó se sigue verificando. Vuelva a exportar o actualice los archivos para publicar de su exportación y, después, publíquelos.</translation>
    </message>
</context>
<context>
    <name>MessageStrip</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>{kind}: {message}</source>
        <translation>{kind}: {message}</translation>
    </message>
</context>
<context>
    <name>NewIssuerDialog</name>
    <message>
        <source>New issuer</source>
        <translation>Nuevo emisor</translation>
    </message>
    <message>
        <source>Issuer name</source>
        <translation>Nombre del emisor</translation>
    </message>
    <message>
        <source>Shown in every credential as the one who awards it</source>
        <translation>Aparece en cada credencial como quien la otorga</translation>
    </message>
    <message>
        <source>as earners and verifiers will see it</source>
        <translation>tal como lo verán los participantes y los verificadores</translation>
    </message>
    <message>
        <source>Issuer web address</source>
        <translation>Dirección web del emisor</translation>
    </message>
    <message>
        <source>The issuer&apos;s home page, starting with https://</source>
        <translation>La página principal del emisor, que empieza por https://</translation>
    </message>
    <message>
        <source>https://</source>
        <translation>https://</translation>
    </message>
    <message>
        <source>Issuer email (optional)</source>
        <translation>Correo electrónico del emisor (opcional)</translation>
    </message>
    <message>
        <source>A contact address in the issuer&apos;s profile; needed for Open Badges 2.0</source>
        <translation>Una dirección de contacto en el perfil del emisor; necesaria para Open Badges 2.0</translation>
    </message>
    <message>
        <source>Issuer description (optional)</source>
        <translation>Descripción del emisor (opcional)</translation>
    </message>
    <message>
        <source>A few words about the issuer, published in its profile</source>
        <translation>Unas palabras sobre el emisor, publicadas en su perfil</translation>
    </message>
    <message>
        <source>Hosting address</source>
        <translation>Dirección de publicación</translation>
    </message>
    <message>
        <source>the web address, unless you publish elsewhere</source>
        <translation>la dirección web, salvo que publique en otro sitio</translation>
    </message>
    <message>
        <source>Where the export&apos;s hosting folder will be published: verifiers read the issuer&apos;s keys and revocation list there.</source>
        <translation>Dónde se publicará la carpeta hosting de la exportación: los verificadores leen allí las claves y la lista de revocación del emisor.</translation>
    </message>
    <message>
        <source>Issuer logo file (optional)</source>
        <translation>Archivo del logotipo del emisor (opcional)</translation>
    </message>
    <message>
        <source>The path of a PNG or SVG image, published with the issuer&apos;s profile</source>
        <translation>La ruta de una imagen PNG o SVG, publicada con el perfil del emisor</translation>
    </message>
    <message>
        <source>optional: a PNG or SVG file</source>
        <translation>opcional: un archivo PNG o SVG</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Choose the issuer logo file</source>
        <translation>Elegir el archivo del logotipo del emisor</translation>
    </message>
    <message>
        <source>Opens a file picker for PNG and SVG images</source>
        <translation>Abre un selector de archivos para imágenes PNG y SVG</translation>
    </message>
    <message>
        <source>&amp;Logo:</source>
        <translation>&amp;Logotipo:</translation>
    </message>
    <message>
        <source>Identifier kind</source>
        <translation>Tipo de identificador</translation>
    </message>
    <message>
        <source>How verifiers find the issuer&apos;s keys: in the identifier itself, or on a web server</source>
        <translation>Cómo encuentran los verificadores las claves del emisor: en el propio identificador o en un servidor web</translation>
    </message>
    <message>
        <source>did:key: works with no web server (recommended)</source>
        <translation>did:key: funciona sin servidor web (recomendado)</translation>
    </message>
    <message>
        <source>did:web: tied to the hosting address&apos;s domain</source>
        <translation>did:web: ligado al dominio de la dirección de publicación</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>Locks the issuer&apos;s signing keys; it cannot be recovered if lost</source>
        <translation>Bloquea las claves de firma del emisor; si se pierde, no se puede recuperar</translation>
    </message>
    <message>
        <source>The same passphrase, to catch a typing mistake</source>
        <translation>La misma frase de contraseña, para detectar errores al escribirla</translation>
    </message>
    <message>
        <source>Passphrase warning</source>
        <translation>Advertencia sobre la frase de contraseña</translation>
    </message>
    <message>
        <source>Write the passphrase down somewhere safe. If it is lost it cannot be recovered, and no more credentials can be signed with these keys.</source>
        <translation>Anote la frase de contraseña en un lugar seguro. Si se pierde, no se puede recuperar y no se podrán firmar más credenciales con estas claves.</translation>
    </message>
    <message>
        <source>Problem with the new issuer</source>
        <translation>Problema con el nuevo emisor</translation>
    </message>
    <message>
        <source>Making the signing keys</source>
        <translation>Creando las claves de firma</translation>
    </message>
    <message>
        <source>Making and locking the signing keys; this takes a few seconds.</source>
        <translation>Creando y bloqueando las claves de firma; esto tarda unos segundos.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Web address:</source>
        <translation>Dirección &amp;web:</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>Correo &amp;electrónico:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>&amp;Hosting address:</source>
        <translation>Dirección de &amp;publicación:</translation>
    </message>
    <message>
        <source>&amp;Identifier:</source>
        <translation>&amp;Identificador:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>&amp;Confirm passphrase:</source>
        <translation>&amp;Confirmar la frase de contraseña:</translation>
    </message>
    <message>
        <source>Create issuer</source>
        <translation>Crear el emisor</translation>
    </message>
    <message>
        <source>Create the issuer</source>
        <translation>Crear el emisor</translation>
    </message>
    <message>
        <source>Makes and locks the issuer&apos;s two signing keys; takes a few seconds (Enter)</source>
        <translation>Crea y bloquea las dos claves de firma del emisor; tarda unos segundos (Intro)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Closes this form without making an issuer (Esc)</source>
        <translation>Cierra este formulario sin crear ningún emisor (Esc)</translation>
    </message>
    <message>
        <source>The issuer&apos;s logo</source>
        <translation>El logotipo del emisor</translation>
    </message>
    <message>
        <source>Images (*.png *.svg)</source>
        <translation>Imágenes (*.png *.svg)</translation>
    </message>
    <message>
        <source>Give the issuer a name.</source>
        <translation>Dé un nombre al emisor.</translation>
    </message>
    <message>
        <source>The web address must start with https://, as in https://example.org.</source>
        <translation>La dirección web debe empezar por https://, como en https://example.org.</translation>
    </message>
    <message>
        <source>Choose a passphrase: it locks the signing keys.</source>
        <translation>Elija una frase de contraseña: bloquea las claves de firma.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the passphrase again below.</source>
        <translation>Las dos frases de contraseña no coinciden. Vuelva a escribir la frase de contraseña abajo.</translation>
    </message>
    <message>
        <source>Cannot read the logo {path}: {error}.</source>
        <translation>No se puede leer el logotipo {path}: {error}.</translation>
    </message>
    <message>
        <source>The keys are being made; this window closes itself when done.</source>
        <translation>Se están creando las claves; esta ventana se cerrará sola cuando termine.</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Submission</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Earner</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Micro-credential</source>
        <translation>Microcredencial</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Emitida</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>{message} Nothing was revoked.</source>
        <translation>{message} No se ha revocado nada.</translation>
    </message>
    <message>
        <source>Revoke a credential</source>
        <translation>Revocar una credencial</translation>
    </message>
    <message>
        <source>Revoking tells anyone who checks the credential that it no longer holds. It cannot be undone.</source>
        <translation>Revocar indica a quien compruebe la credencial que ya no es válida. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Find a credential by submission, earner or micro-credential</source>
        <translation>Buscar una credencial por entrega, participante o microcredencial</translation>
    </message>
    <message>
        <source>Find by submission, earner or micro-credential</source>
        <translation>Buscar por entrega, participante o microcredencial</translation>
    </message>
    <message>
        <source>Narrows the list of issued credentials as you type</source>
        <translation>Filtra la lista de credenciales emitidas a medida que escribe</translation>
    </message>
    <message>
        <source>Show revoked credentials too</source>
        <translation>Mostrar también las credenciales revocadas</translation>
    </message>
    <message>
        <source>Lists the credentials already revoked as well, with their status</source>
        <translation>Muestra también las credenciales ya revocadas, con su estado</translation>
    </message>
    <message>
        <source>Issued credentials</source>
        <translation>Credenciales emitidas</translation>
    </message>
    <message>
        <source>One credential a row; Up and Down choose the one to revoke</source>
        <translation>Una credencial por fila; Arriba y Abajo eligen la que se va a revocar</translation>
    </message>
    <message>
        <source>Reason for revoking</source>
        <translation>Motivo de la revocación</translation>
    </message>
    <message>
        <source>Why it no longer holds; kept in the audit trail, and published for Open Badges 2.0</source>
        <translation>Por qué ya no es válida; se guarda en el registro de auditoría y se publica en Open Badges 2.0</translation>
    </message>
    <message>
        <source>required: kept in the audit trail (and published, for Open Badges 2.0)</source>
        <translation>obligatorio: se guarda en el registro de auditoría (y se publica, en Open Badges 2.0)</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Carpeta de exportación</translation>
    </message>
    <message>
        <source>Export folder to update</source>
        <translation>Carpeta de exportación que actualizar</translation>
    </message>
    <message>
        <source>&amp;Export folder:</source>
        <translation>Carpeta de &amp;exportación:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Choose the export folder</source>
        <translation>Elegir la carpeta de exportación</translation>
    </message>
    <message>
        <source>An export folder whose hosting files to update now. Signing the new revocation list needs the issuer&apos;s passphrase.</source>
        <translation>Una carpeta de exportación cuyos archivos para publicar se actualizarán ahora. Para firmar la nueva lista de revocación se necesita la frase de contraseña del emisor.</translation>
    </message>
    <message>
        <source>Passphrase of the issuer</source>
        <translation>Frase de contraseña del emisor</translation>
    </message>
    <message>
        <source>needed with an export folder</source>
        <translation>necesaria si indica una carpeta de exportación</translation>
    </message>
    <message>
        <source>Unlocks the issuer&apos;s keys to sign the new revocation list</source>
        <translation>Desbloquea las claves del emisor para firmar la nueva lista de revocación</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Motivo:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Revocation message</source>
        <translation>Mensaje de la revocación</translation>
    </message>
    <message>
        <source>Revoking</source>
        <translation>Revocando</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;vocar…</translation>
    </message>
    <message>
        <source>Revoke the selected credential</source>
        <translation>Revocar la credencial seleccionada</translation>
    </message>
    <message>
        <source>Asks you to confirm, then revokes for good; it cannot be undone (Enter)</source>
        <translation>Pide confirmación y luego revoca de forma definitiva; no se puede deshacer (Intro)</translation>
    </message>
    <message>
        <source>&amp;Update hosting files</source>
        <translation>&amp;Actualizar los archivos para publicar</translation>
    </message>
    <message>
        <source>Update the export folder&apos;s hosting files only</source>
        <translation>Actualizar solo los archivos para publicar de la carpeta de exportación</translation>
    </message>
    <message>
        <source>Signs the revocation list into the export folder again, revoking nothing</source>
        <translation>Vuelve a firmar la lista de revocación en la carpeta de exportación, sin revocar nada</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes this window (Esc)</source>
        <translation>Cierra esta ventana (Esc)</translation>
    </message>
    <message>
        <source>revoked on {date}</source>
        <translation>revocada el {date}</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source>in force, not exported yet</source>
        <translation>vigente, aún sin exportar</translation>
    </message>
    <message>
        <source>No credential to revoke: none has been issued from this data folder yet, or every one is revoked.</source>
        <translation>No hay ninguna credencial que revocar: aún no se ha emitido ninguna desde esta carpeta de datos o todas están revocadas.</translation>
    </message>
    <message>
        <source>No credential matches what you typed.</source>
        <translation>Ninguna credencial coincide con lo que ha escrito.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>{path} is not an export folder: it has no hosting folder. Choose the folder you exported into, or leave the field empty.</source>
        <translation>{path} no es una carpeta de exportación: no tiene carpeta hosting. Elija la carpeta en la que exportó o deje el campo vacío.</translation>
    </message>
    <message>
        <source>Type the issuer&apos;s passphrase: the updated revocation list is signed with it.</source>
        <translation>Escriba la frase de contraseña del emisor: con ella se firma la lista de revocación actualizada.</translation>
    </message>
    <message>
        <source>Select the credential to revoke in the list.</source>
        <translation>Seleccione en la lista la credencial que desea revocar.</translation>
    </message>
    <message>
        <source>The credential for {submission} is already revoked.</source>
        <translation>La credencial de {submission} ya está revocada.</translation>
    </message>
    <message>
        <source>Say why the credential is revoked: the reason is kept in the audit trail.</source>
        <translation>Indique por qué se revoca la credencial: el motivo se guarda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Revoke the {credential} credential of {earner} ({submission})?

This cannot be undone: anyone who checks it will be told it is revoked.</source>
        <translation>¿Revocar la credencial {credential} de {earner} ({submission})?

No se puede deshacer: a quien la compruebe se le indicará que está revocada.</translation>
    </message>
    <message>
        <source>Choose the export folder whose hosting files to update.</source>
        <translation>Elija la carpeta de exportación cuyos archivos para publicar desea actualizar.</translation>
    </message>
    <message>
        <source>Revoking; this takes a moment. Close the window when it is done.</source>
        <translation>Revocando; esto tarda un momento. Cierre la ventana cuando termine.</translation>
    </message>
    <message>
        <source>publish its hosting folder again at {address}</source>
        <translation>vuelva a publicar su carpeta hosting en {address}</translation>
    </message>
    <message>
        <source>publish its hosting folder again</source>
        <translation>vuelva a publicar su carpeta hosting</translation>
    </message>
    <message>
        <source>The hosting files in {folder} are up to date: {publish}.</source>
        <translation>Los archivos para publicar de {folder} están al día: {publish}.</translation>
    </message>
    <message>
        <source>The credential for {submission} ({earner}) is revoked.</source>
        <translation>La credencial de {submission} ({earner}) ha quedado revocada.</translation>
    </message>
    <message>
        <source>{revoked} The hosting files in {folder} are updated: {publish} so that verifiers see the revocation.</source>
        <translation>{revoked} Los archivos para publicar de {folder} se han actualizado: {publish} para que los verificadores vean la revocación.</translation>
    </message>
    <message>
        <source>{revoked} The published revocation list does not show it yet: choose your export folder, type the passphrase and press Update hosting files, then {publish}.</source>
        <translation>{revoked} La lista de revocación publicada aún no la refleja: elija su carpeta de exportación, escriba la frase de contraseña y pulse Actualizar los archivos para publicar; después, {publish}.</translation>
    </message>
</context>
<context>
    <name>RotateKeysDialog</name>
    <message>
        <source>Rotate keys of {name}</source>
        <translation>Rotar las claves de {name}</translation>
    </message>
    <message>
        <source>Rotating retires the key in use and makes a new one. The retired key stays published, so every credential it signed still verifies. Rotate a key when it may have been seen by someone who should not have it.</source>
        <translation>Rotar retira la clave en uso y crea una nueva. La clave retirada sigue publicada, así que todas las credenciales que firmó se siguen verificando. Rote una clave cuando pueda haberla visto alguien que no debería tenerla.</translation>
    </message>
    <message>
        <source>Which key to rotate</source>
        <translation>Qué clave rotar</translation>
    </message>
    <message>
        <source>Each kind of key signs a different credential format</source>
        <translation>Cada tipo de clave firma un formato de credencial distinto</translation>
    </message>
    <message>
        <source>Passphrase of the issuer</source>
        <translation>Frase de contraseña del emisor</translation>
    </message>
    <message>
        <source>Unlocks the issuer&apos;s keys; the new key is locked with it</source>
        <translation>Desbloquea las claves del emisor; la clave nueva queda bloqueada con ella</translation>
    </message>
    <message>
        <source>Problem rotating the key</source>
        <translation>Problema al rotar la clave</translation>
    </message>
    <message>
        <source>Rotating the key</source>
        <translation>Rotando la clave</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Clave:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Frase de contraseña:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Closes this window without rotating any key (Esc)</source>
        <translation>Cierra esta ventana sin rotar ninguna clave (Esc)</translation>
    </message>
    <message>
        <source>Rotate key</source>
        <translation>Rotar la clave</translation>
    </message>
    <message>
        <source>Rotate the key</source>
        <translation>Rotar la clave</translation>
    </message>
    <message>
        <source>Retires the chosen key and makes a new one; it cannot be undone (Enter)</source>
        <translation>Retira la clave elegida y crea una nueva; no se puede deshacer (Intro)</translation>
    </message>
    <message>
        <source>This issuer&apos;s identifier is made from its Ed25519 key: a new key gives it a new did:key identifier for the credentials signed from now on.</source>
        <translation>El identificador de este emisor se deriva de su clave Ed25519: una clave nueva le da un identificador did:key nuevo para las credenciales que se firmen a partir de ahora.</translation>
    </message>
    <message>
        <source>Type the issuer&apos;s passphrase: it proves the keys are yours.</source>
        <translation>Escriba la frase de contraseña del emisor: demuestra que las claves son suyas.</translation>
    </message>
    <message>
        <source>{message} Nothing was changed.</source>
        <translation>{message} No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>The new key is being made; this window closes itself when done.</source>
        <translation>Se está creando la clave nueva; esta ventana se cerrará sola cuando termine.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Open Badges 3.0</source>
        <translation>Open Badges 3.0</translation>
    </message>
    <message>
        <source>Open Badges 3.0 (VC-JWT)</source>
        <translation>Open Badges 3.0 (VC-JWT)</translation>
    </message>
    <message>
        <source>Open Badges 2.0</source>
        <translation>Open Badges 2.0</translation>
    </message>
    <message>
        <source>CLR 2.0</source>
        <translation>CLR 2.0</translation>
    </message>
    <message>
        <source>not recognised</source>
        <translation>no reconocido</translation>
    </message>
    <message>
        <source>read</source>
        <translation>lectura</translation>
    </message>
    <message>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>esquema</translation>
    </message>
    <message>
        <source>proof</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>key</source>
        <translation>clave</translation>
    </message>
    <message>
        <source>dates</source>
        <translation>fechas</translation>
    </message>
    <message>
        <source>revocation</source>
        <translation>revocación</translation>
    </message>
    <message>
        <source>contents</source>
        <translation>contenido</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FALLO</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>sin comprobar</translation>
    </message>
    <message>
        <source>{format}, baked in a {image} image</source>
        <translation>{format}, incrustada en una imagen {image}</translation>
    </message>
    <message>
        <source>{check}: {detail}</source>
        <translation>{check}: {detail}</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Válido</translation>
    </message>
    <message>
        <source>NOT VALID</source>
        <translation>NO VÁLIDO</translation>
    </message>
    <message>
        <source>Verification of 1 file: {valid} valid, {invalid} NOT VALID</source>
        <translation>Verificación de 1 archivo. Válidos: {valid}; NO VÁLIDOS: {invalid}</translation>
    </message>
    <message>
        <source>Verification of {n} files: {valid} valid, {invalid} NOT VALID</source>
        <translation>Verificación de {n} archivos. Válidos: {valid}; NO VÁLIDOS: {invalid}</translation>
    </message>
    <message>
        <source>{result}: {file} ({format})</source>
        <translation>{result}: {file} ({format})</translation>
    </message>
    <message>
        <source>Checked {n} of {total}</source>
        <translation>Comprobados {n} de {total}</translation>
    </message>
    <message>
        <source>Verify credentials</source>
        <translation>Verificar credenciales</translation>
    </message>
    <message>
        <source>Check signed credentials offline: JSON, JWT or JWS files, and PNG or SVG badges with a credential baked in. Add files, or drop files or an export folder here.</source>
        <translation>Compruebe credenciales firmadas sin conexión: archivos JSON, JWT o JWS, e insignias PNG o SVG con la credencial incrustada. Añada archivos, o suelte aquí archivos o una carpeta de exportación.</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Añadir archivos…</translation>
    </message>
    <message>
        <source>Add credential files</source>
        <translation>Añadir archivos de credenciales</translation>
    </message>
    <message>
        <source>Opens a file picker; the files added are verified at once</source>
        <translation>Abre un selector de archivos; los archivos añadidos se verifican en el acto</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Remove the selected file from the list</source>
        <translation>Quitar de la lista el archivo seleccionado</translation>
    </message>
    <message>
        <source>Takes the selected file off the list; the file itself is not deleted</source>
        <translation>Quita de la lista el archivo seleccionado; el archivo en sí no se elimina</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>Vac&amp;iar</translation>
    </message>
    <message>
        <source>Clear the list of files</source>
        <translation>Vaciar la lista de archivos</translation>
    </message>
    <message>
        <source>Empties the list and its results; no file is deleted</source>
        <translation>Vacía la lista y sus resultados; no se elimina ningún archivo</translation>
    </message>
    <message>
        <source>Hosting folder</source>
        <translation>Carpeta de publicación</translation>
    </message>
    <message>
        <source>&amp;Hosting folder:</source>
        <translation>Carpeta de &amp;publicación:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Choose the hosting folder</source>
        <translation>Elegir la carpeta de publicación</translation>
    </message>
    <message>
        <source>For keys and revocation lists published at https addresses: a folder laid out like an export&apos;s hosting folder. This data folder&apos;s own issuers need none.</source>
        <translation>Para las claves y listas de revocación publicadas en direcciones https: una carpeta organizada como la carpeta hosting de una exportación. Los emisores de esta carpeta de datos no la necesitan.</translation>
    </message>
    <message>
        <source>Verification results, one file a row</source>
        <translation>Resultados de la verificación, un archivo por fila</translation>
    </message>
    <message>
        <source>File, result, format and first problem; Up and Down choose a file, whose checks are listed below</source>
        <translation>Archivo, resultado, formato y primer problema; Arriba y Abajo eligen un archivo, cuyas comprobaciones aparecen debajo</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>First problem</source>
        <translation>Primer problema</translation>
    </message>
    <message>
        <source>Select a file to see each check.</source>
        <translation>Seleccione un archivo para ver cada comprobación.</translation>
    </message>
    <message>
        <source>Checks of the selected file</source>
        <translation>Comprobaciones del archivo seleccionado</translation>
    </message>
    <message>
        <source>One check a row, with its result and details; the arrow keys move</source>
        <translation>Una comprobación por fila, con su resultado y detalles; las flechas permiten desplazarse</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobación</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Verification summary</source>
        <translation>Resumen de la verificación</translation>
    </message>
    <message>
        <source>Verification message</source>
        <translation>Mensaje de la verificación</translation>
    </message>
    <message>
        <source>Verification progress</source>
        <translation>Progreso de la verificación</translation>
    </message>
    <message>
        <source>&amp;Verify again</source>
        <translation>&amp;Verificar de nuevo</translation>
    </message>
    <message>
        <source>Verify every file again</source>
        <translation>Verificar de nuevo todos los archivos</translation>
    </message>
    <message>
        <source>Checks every file in the list again, with the hosting folder (Enter)</source>
        <translation>Vuelve a comprobar todos los archivos de la lista, con la carpeta de publicación (Intro)</translation>
    </message>
    <message>
        <source>&amp;Copy report</source>
        <translation>&amp;Copiar el informe</translation>
    </message>
    <message>
        <source>Copy the verification report</source>
        <translation>Copiar el informe de verificación</translation>
    </message>
    <message>
        <source>Copies every file&apos;s result and checks as text, to paste elsewhere</source>
        <translation>Copia como texto el resultado y las comprobaciones de cada archivo, para pegarlos en otro lugar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes this window (Esc); a check under way is cancelled first</source>
        <translation>Cierra esta ventana (Esc); si hay una comprobación en curso, primero se cancela</translation>
    </message>
    <message>
        <source>Add credentials to verify</source>
        <translation>Añadir credenciales que verificar</translation>
    </message>
    <message>
        <source>Credentials (*.json *.jwt *.jws *.png *.svg);;All files (*)</source>
        <translation>Credenciales (*.json *.jwt *.jws *.png *.svg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>No new credential files to add: they are in the list already.</source>
        <translation>No hay archivos de credenciales nuevos que añadir: ya están en la lista.</translation>
    </message>
    <message>
        <source>The hosting folder {path} does not exist. Choose another.</source>
        <translation>La carpeta de publicación {path} no existe. Elija otra.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Checking this file…</source>
        <translation>Comprobando este archivo…</translation>
    </message>
    <message>
        <source>{file}: {result}. Each check, in the order made:</source>
        <translation>{file}: {result}. Cada comprobación, en el orden en que se hizo:</translation>
    </message>
    <message>
        <source>No files yet.</source>
        <translation>Aún no hay archivos.</translation>
    </message>
    <message>
        <source>Checking 1 file…</source>
        <translation>Comprobando 1 archivo…</translation>
    </message>
    <message>
        <source>Checking {n} files…</source>
        <translation>Comprobando {n} archivos…</translation>
    </message>
    <message>
        <source>{n} checked: {valid} valid, {invalid} NOT VALID.</source>
        <translation>Comprobados: {n}. Válidos: {valid}; NO VÁLIDOS: {invalid}.</translation>
    </message>
    <message>
        <source>The report is copied: paste it wherever it is needed.</source>
        <translation>El informe se ha copiado: péguelo donde lo necesite.</translation>
    </message>
</context>
</TS>
