<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis styleCategories="AllStyleCategories" readOnly="0" simplifyAlgorithm="0" simplifyDrawingTol="1" symbologyReferenceScale="-1" labelsEnabled="1" simplifyMaxScale="1" minScale="0" simplifyDrawingHints="1" hasScaleBasedVisibilityFlag="0" maxScale="0" version="3.22.16-Białowieża" simplifyLocal="1">
  <flags>
    <Identifiable>1</Identifiable>
    <Removable>1</Removable>
    <Searchable>1</Searchable>
    <Private>0</Private>
  </flags>
  <temporal startField="" startExpression="" endExpression="" limitMode="0" fixedDuration="0" mode="0" endField="" accumulate="0" enabled="0" durationField="" durationUnit="min">
    <fixedRange>
      <start></start>
      <end></end>
    </fixedRange>
  </temporal>
  <renderer-v2 symbollevels="0" referencescale="-1" enableorderby="0" forceraster="0" type="singleSymbol">
    <symbols>
      <symbol name="0" clip_to_extent="1" alpha="1" type="fill" force_rhr="0">
        <data_defined_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </data_defined_properties>
        <layer locked="0" class="SimpleFill" enabled="1" pass="0">
          <Option type="Map">
            <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
            <Option value="241,239,233,255" name="color" type="QString"/>
            <Option value="bevel" name="joinstyle" type="QString"/>
            <Option value="0,0" name="offset" type="QString"/>
            <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
            <Option value="MM" name="offset_unit" type="QString"/>
            <Option value="154,148,138,255" name="outline_color" type="QString"/>
            <Option value="solid" name="outline_style" type="QString"/>
            <Option value="0.3" name="outline_width" type="QString"/>
            <Option value="MM" name="outline_width_unit" type="QString"/>
            <Option value="solid" name="style" type="QString"/>
          </Option>
          <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="color" v="241,239,233,255"/>
          <prop k="joinstyle" v="bevel"/>
          <prop k="offset" v="0,0"/>
          <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
          <prop k="offset_unit" v="MM"/>
          <prop k="outline_color" v="154,148,138,255"/>
          <prop k="outline_style" v="solid"/>
          <prop k="outline_width" v="0.3"/>
          <prop k="outline_width_unit" v="MM"/>
          <prop k="style" v="solid"/>
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
        </layer>
      </symbol>
    </symbols>
    <rotation/>
    <sizescale/>
  </renderer-v2>
  <labeling type="simple">
    <settings calloutType="simple">
      <text-style fontSize="9" previewBkgrdColor="255,255,255,255" fontWordSpacing="0" namedStyle="" fontKerning="1" textOrientation="horizontal" isExpression="1" fontSizeUnit="Point" fontWeight="50" fontUnderline="0" fontLetterSpacing="0" allowHtml="0" fontStrikeout="0" fieldName="&quot;NAME&quot;" fontSizeMapUnitScale="3x:0,0,0,0,0,0" textOpacity="1" useSubstitutions="0" blendMode="0" multilineHeight="1" capitalization="0" fontItalic="0" textColor="125,119,109,255" legendString="Aa" fontFamily="Noto Sans">
        <families/>
        <text-buffer bufferNoFill="1" bufferSizeUnits="MM" bufferColor="255,255,255,230" bufferOpacity="1" bufferDraw="1" bufferSize="0.80000000000000004" bufferSizeMapUnitScale="3x:0,0,0,0,0,0" bufferJoinStyle="128" bufferBlendMode="0"/>
        <text-mask maskJoinStyle="128" maskedSymbolLayers="" maskOpacity="1" maskType="0" maskSize="1.5" maskSizeMapUnitScale="3x:0,0,0,0,0,0" maskSizeUnits="MM" maskEnabled="0"/>
        <background shapeSizeY="0" shapeOffsetUnit="MM" shapeRadiiMapUnitScale="3x:0,0,0,0,0,0" shapeRotation="0" shapeType="0" shapeRadiiX="0" shapeFillColor="255,255,255,255" shapeSizeX="0" shapeOpacity="1" shapeSizeType="0" shapeBorderWidth="0" shapeOffsetX="0" shapeOffsetMapUnitScale="3x:0,0,0,0,0,0" shapeBorderWidthUnit="MM" shapeSVGFile="" shapeBorderColor="128,128,128,255" shapeBorderWidthMapUnitScale="3x:0,0,0,0,0,0" shapeDraw="0" shapeJoinStyle="64" shapeRadiiUnit="MM" shapeSizeUnit="MM" shapeRadiiY="0" shapeSizeMapUnitScale="3x:0,0,0,0,0,0" shapeOffsetY="0" shapeRotationType="0" shapeBlendMode="0">
          <symbol name="fillSymbol" clip_to_extent="1" alpha="1" type="fill" force_rhr="0">
            <data_defined_properties>
              <Option type="Map">
                <Option value="" name="name" type="QString"/>
                <Option name="properties"/>
                <Option value="collection" name="type" type="QString"/>
              </Option>
            </data_defined_properties>
            <layer locked="0" class="SimpleFill" enabled="1" pass="0">
              <Option type="Map">
                <Option value="3x:0,0,0,0,0,0" name="border_width_map_unit_scale" type="QString"/>
                <Option value="255,255,255,255" name="color" type="QString"/>
                <Option value="bevel" name="joinstyle" type="QString"/>
                <Option value="0,0" name="offset" type="QString"/>
                <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
                <Option value="MM" name="offset_unit" type="QString"/>
                <Option value="128,128,128,255" name="outline_color" type="QString"/>
                <Option value="no" name="outline_style" type="QString"/>
                <Option value="0" name="outline_width" type="QString"/>
                <Option value="MM" name="outline_width_unit" type="QString"/>
                <Option value="solid" name="style" type="QString"/>
              </Option>
              <prop k="border_width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="color" v="255,255,255,255"/>
              <prop k="joinstyle" v="bevel"/>
              <prop k="offset" v="0,0"/>
              <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
              <prop k="offset_unit" v="MM"/>
              <prop k="outline_color" v="128,128,128,255"/>
              <prop k="outline_style" v="no"/>
              <prop k="outline_width" v="0"/>
              <prop k="outline_width_unit" v="MM"/>
              <prop k="style" v="solid"/>
              <data_defined_properties>
                <Option type="Map">
                  <Option value="" name="name" type="QString"/>
                  <Option name="properties"/>
                  <Option value="collection" name="type" type="QString"/>
                </Option>
              </data_defined_properties>
            </layer>
          </symbol>
        </background>
        <shadow shadowOffsetDist="1" shadowOffsetGlobal="1" shadowScale="100" shadowOffsetAngle="135" shadowRadiusAlphaOnly="0" shadowBlendMode="6" shadowRadiusUnit="MM" shadowUnder="0" shadowOffsetMapUnitScale="3x:0,0,0,0,0,0" shadowRadius="1.5" shadowDraw="0" shadowOffsetUnit="MM" shadowColor="0,0,0,255" shadowOpacity="0.69999999999999996" shadowRadiusMapUnitScale="3x:0,0,0,0,0,0"/>
        <dd_properties>
          <Option type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
        </dd_properties>
        <substitutions/>
      </text-style>
      <text-format plussign="0" wrapChar="" multilineAlign="3" leftDirectionSymbol="&lt;" autoWrapLength="0" placeDirectionSymbol="0" formatNumbers="0" decimals="3" rightDirectionSymbol=">" reverseDirectionSymbol="0" addDirectionSymbol="0" useMaxLineLengthForAutoWrap="1"/>
      <placement preserveRotation="1" placement="0" lineAnchorClipping="0" labelOffsetMapUnitScale="3x:0,0,0,0,0,0" lineAnchorType="0" distUnits="MM" dist="1.5" geometryGeneratorType="PointGeometry" distMapUnitScale="3x:0,0,0,0,0,0" overrunDistanceUnit="MM" predefinedPositionOrder="TR,TL,BR,BL,R,L,TSR,BSR" polygonPlacementFlags="2" centroidInside="0" maxCurvedCharAngleOut="-25" fitInPolygonOnly="0" lineAnchorPercent="0.5" layerType="UnknownGeometry" priority="1" quadOffset="4" repeatDistanceMapUnitScale="3x:0,0,0,0,0,0" yOffset="0" offsetUnits="MM" centroidWhole="0" placementFlags="10" repeatDistance="0" overrunDistance="0" overrunDistanceMapUnitScale="3x:0,0,0,0,0,0" xOffset="0" geometryGeneratorEnabled="0" offsetType="0" rotationAngle="0" repeatDistanceUnits="MM" rotationUnit="AngleDegrees" maxCurvedCharAngleIn="25" geometryGenerator=""/>
      <rendering displayAll="0" fontMinPixelSize="0" scaleMax="0" unplacedVisibility="0" obstacleType="1" limitNumLabels="0" obstacleFactor="1" labelPerPart="0" drawLabels="1" fontMaxPixelSize="10000" obstacle="1" zIndex="0" scaleMin="0" mergeLines="0" scaleVisibility="0" fontLimitPixelSize="0" upsidedownLabels="0" minFeatureSize="0" maxNumLabels="2000"/>
      <dd_properties>
        <Option type="Map">
          <Option value="" name="name" type="QString"/>
          <Option name="properties"/>
          <Option value="collection" name="type" type="QString"/>
        </Option>
      </dd_properties>
      <callout type="simple">
        <Option type="Map">
          <Option value="pole_of_inaccessibility" name="anchorPoint" type="QString"/>
          <Option value="0" name="blendMode" type="int"/>
          <Option name="ddProperties" type="Map">
            <Option value="" name="name" type="QString"/>
            <Option name="properties"/>
            <Option value="collection" name="type" type="QString"/>
          </Option>
          <Option value="false" name="drawToAllParts" type="bool"/>
          <Option value="0" name="enabled" type="QString"/>
          <Option value="point_on_exterior" name="labelAnchorPoint" type="QString"/>
          <Option value="&lt;symbol name=&quot;symbol&quot; clip_to_extent=&quot;1&quot; alpha=&quot;1&quot; type=&quot;line&quot; force_rhr=&quot;0&quot;>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;layer locked=&quot;0&quot; class=&quot;SimpleLine&quot; enabled=&quot;1&quot; pass=&quot;0&quot;>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;0&quot; name=&quot;align_dash_pattern&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;square&quot; name=&quot;capstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;5;2&quot; name=&quot;customdash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;customdash_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;customdash_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;dash_pattern_offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;dash_pattern_offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;dash_pattern_offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;draw_inside_polygon&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;bevel&quot; name=&quot;joinstyle&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;60,60,60,255&quot; name=&quot;line_color&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;solid&quot; name=&quot;line_style&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0.3&quot; name=&quot;line_width&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;line_width_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;offset&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;offset_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;offset_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;ring_filter&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_end&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_end_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_end_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;trim_distance_start&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;trim_distance_start_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;MM&quot; name=&quot;trim_distance_start_unit&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;tweak_dash_pattern_on_corners&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;0&quot; name=&quot;use_custom_dash&quot; type=&quot;QString&quot;/>&lt;Option value=&quot;3x:0,0,0,0,0,0&quot; name=&quot;width_map_unit_scale&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;prop k=&quot;align_dash_pattern&quot; v=&quot;0&quot;/>&lt;prop k=&quot;capstyle&quot; v=&quot;square&quot;/>&lt;prop k=&quot;customdash&quot; v=&quot;5;2&quot;/>&lt;prop k=&quot;customdash_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;customdash_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;dash_pattern_offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;dash_pattern_offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;dash_pattern_offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;draw_inside_polygon&quot; v=&quot;0&quot;/>&lt;prop k=&quot;joinstyle&quot; v=&quot;bevel&quot;/>&lt;prop k=&quot;line_color&quot; v=&quot;60,60,60,255&quot;/>&lt;prop k=&quot;line_style&quot; v=&quot;solid&quot;/>&lt;prop k=&quot;line_width&quot; v=&quot;0.3&quot;/>&lt;prop k=&quot;line_width_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;offset&quot; v=&quot;0&quot;/>&lt;prop k=&quot;offset_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;offset_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;ring_filter&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_end_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_end_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;trim_distance_start&quot; v=&quot;0&quot;/>&lt;prop k=&quot;trim_distance_start_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;prop k=&quot;trim_distance_start_unit&quot; v=&quot;MM&quot;/>&lt;prop k=&quot;tweak_dash_pattern_on_corners&quot; v=&quot;0&quot;/>&lt;prop k=&quot;use_custom_dash&quot; v=&quot;0&quot;/>&lt;prop k=&quot;width_map_unit_scale&quot; v=&quot;3x:0,0,0,0,0,0&quot;/>&lt;data_defined_properties>&lt;Option type=&quot;Map&quot;>&lt;Option value=&quot;&quot; name=&quot;name&quot; type=&quot;QString&quot;/>&lt;Option name=&quot;properties&quot;/>&lt;Option value=&quot;collection&quot; name=&quot;type&quot; type=&quot;QString&quot;/>&lt;/Option>&lt;/data_defined_properties>&lt;/layer>&lt;/symbol>" name="lineSymbol" type="QString"/>
          <Option value="0" name="minLength" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="minLengthMapUnitScale" type="QString"/>
          <Option value="MM" name="minLengthUnit" type="QString"/>
          <Option value="0" name="offsetFromAnchor" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromAnchorMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromAnchorUnit" type="QString"/>
          <Option value="0" name="offsetFromLabel" type="double"/>
          <Option value="3x:0,0,0,0,0,0" name="offsetFromLabelMapUnitScale" type="QString"/>
          <Option value="MM" name="offsetFromLabelUnit" type="QString"/>
        </Option>
      </callout>
    </settings>
  </labeling>
  <customproperties>
    <Option type="Map">
      <Option value="NAME" name="dualview/previewExpressions" type="QString"/>
      <Option value="0" name="embeddedWidgets/count" type="QString"/>
      <Option name="variableNames"/>
      <Option name="variableValues"/>
    </Option>
  </customproperties>
  <blendMode>0</blendMode>
  <featureBlendMode>0</featureBlendMode>
  <layerOpacity>1</layerOpacity>
  <SingleCategoryDiagramRenderer diagramType="Histogram" attributeLegend="1">
    <DiagramCategory opacity="1" penAlpha="255" backgroundAlpha="255" backgroundColor="#ffffff" minScaleDenominator="0" direction="1" diagramOrientation="Up" spacing="0" maxScaleDenominator="1e+08" penColor="#000000" lineSizeScale="3x:0,0,0,0,0,0" spacingUnit="MM" sizeScale="3x:0,0,0,0,0,0" scaleDependency="Area" enabled="0" barWidth="5" penWidth="0" showAxis="0" lineSizeType="MM" scaleBasedVisibility="0" rotationOffset="270" labelPlacementMethod="XHeight" minimumSize="0" spacingUnitScale="3x:0,0,0,0,0,0" height="15" width="15" sizeType="MM">
      <fontProperties description="Cantarell,11,-1,5,50,0,0,0,0,0" style=""/>
      <attribute label="" color="#000000" colorOpacity="1" field=""/>
      <axisSymbol>
        <symbol name="" clip_to_extent="1" alpha="1" type="line" force_rhr="0">
          <data_defined_properties>
            <Option type="Map">
              <Option value="" name="name" type="QString"/>
              <Option name="properties"/>
              <Option value="collection" name="type" type="QString"/>
            </Option>
          </data_defined_properties>
          <layer locked="0" class="SimpleLine" enabled="1" pass="0">
            <Option type="Map">
              <Option value="0" name="align_dash_pattern" type="QString"/>
              <Option value="square" name="capstyle" type="QString"/>
              <Option value="5;2" name="customdash" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="customdash_map_unit_scale" type="QString"/>
              <Option value="MM" name="customdash_unit" type="QString"/>
              <Option value="0" name="dash_pattern_offset" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="dash_pattern_offset_map_unit_scale" type="QString"/>
              <Option value="MM" name="dash_pattern_offset_unit" type="QString"/>
              <Option value="0" name="draw_inside_polygon" type="QString"/>
              <Option value="bevel" name="joinstyle" type="QString"/>
              <Option value="35,35,35,255" name="line_color" type="QString"/>
              <Option value="solid" name="line_style" type="QString"/>
              <Option value="0.26" name="line_width" type="QString"/>
              <Option value="MM" name="line_width_unit" type="QString"/>
              <Option value="0" name="offset" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="offset_map_unit_scale" type="QString"/>
              <Option value="MM" name="offset_unit" type="QString"/>
              <Option value="0" name="ring_filter" type="QString"/>
              <Option value="0" name="trim_distance_end" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="trim_distance_end_map_unit_scale" type="QString"/>
              <Option value="MM" name="trim_distance_end_unit" type="QString"/>
              <Option value="0" name="trim_distance_start" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="trim_distance_start_map_unit_scale" type="QString"/>
              <Option value="MM" name="trim_distance_start_unit" type="QString"/>
              <Option value="0" name="tweak_dash_pattern_on_corners" type="QString"/>
              <Option value="0" name="use_custom_dash" type="QString"/>
              <Option value="3x:0,0,0,0,0,0" name="width_map_unit_scale" type="QString"/>
            </Option>
            <prop k="align_dash_pattern" v="0"/>
            <prop k="capstyle" v="square"/>
            <prop k="customdash" v="5;2"/>
            <prop k="customdash_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="customdash_unit" v="MM"/>
            <prop k="dash_pattern_offset" v="0"/>
            <prop k="dash_pattern_offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="dash_pattern_offset_unit" v="MM"/>
            <prop k="draw_inside_polygon" v="0"/>
            <prop k="joinstyle" v="bevel"/>
            <prop k="line_color" v="35,35,35,255"/>
            <prop k="line_style" v="solid"/>
            <prop k="line_width" v="0.26"/>
            <prop k="line_width_unit" v="MM"/>
            <prop k="offset" v="0"/>
            <prop k="offset_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="offset_unit" v="MM"/>
            <prop k="ring_filter" v="0"/>
            <prop k="trim_distance_end" v="0"/>
            <prop k="trim_distance_end_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="trim_distance_end_unit" v="MM"/>
            <prop k="trim_distance_start" v="0"/>
            <prop k="trim_distance_start_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <prop k="trim_distance_start_unit" v="MM"/>
            <prop k="tweak_dash_pattern_on_corners" v="0"/>
            <prop k="use_custom_dash" v="0"/>
            <prop k="width_map_unit_scale" v="3x:0,0,0,0,0,0"/>
            <data_defined_properties>
              <Option type="Map">
                <Option value="" name="name" type="QString"/>
                <Option name="properties"/>
                <Option value="collection" name="type" type="QString"/>
              </Option>
            </data_defined_properties>
          </layer>
        </symbol>
      </axisSymbol>
    </DiagramCategory>
  </SingleCategoryDiagramRenderer>
  <DiagramLayerSettings dist="0" priority="0" placement="0" showAll="1" zIndex="0" linePlacementFlags="18" obstacle="0">
    <properties>
      <Option type="Map">
        <Option value="" name="name" type="QString"/>
        <Option name="properties"/>
        <Option value="collection" name="type" type="QString"/>
      </Option>
    </properties>
  </DiagramLayerSettings>
  <geometryOptions geometryPrecision="0" removeDuplicateNodes="0">
    <activeChecks/>
    <checkConfiguration/>
  </geometryOptions>
  <legend showLabelLegend="0" type="default-vector"/>
  <referencedLayers/>
  <fieldConfiguration>
    <field configurationFlags="None" name="fid">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="iso_a2">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="NAME">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="FIPS_10_">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="ISO_A3">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="WB_A2">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
    <field configurationFlags="None" name="WB_A3">
      <editWidget type="TextEdit">
        <config>
          <Option/>
        </config>
      </editWidget>
    </field>
  </fieldConfiguration>
  <aliases>
    <alias name="" field="fid" index="0"/>
    <alias name="" field="iso_a2" index="1"/>
    <alias name="" field="NAME" index="2"/>
    <alias name="" field="FIPS_10_" index="3"/>
    <alias name="" field="ISO_A3" index="4"/>
    <alias name="" field="WB_A2" index="5"/>
    <alias name="" field="WB_A3" index="6"/>
  </aliases>
  <defaults>
    <default applyOnUpdate="0" field="fid" expression=""/>
    <default applyOnUpdate="0" field="iso_a2" expression=""/>
    <default applyOnUpdate="0" field="NAME" expression=""/>
    <default applyOnUpdate="0" field="FIPS_10_" expression=""/>
    <default applyOnUpdate="0" field="ISO_A3" expression=""/>
    <default applyOnUpdate="0" field="WB_A2" expression=""/>
    <default applyOnUpdate="0" field="WB_A3" expression=""/>
  </defaults>
  <constraints>
    <constraint unique_strength="1" notnull_strength="1" field="fid" constraints="3" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="iso_a2" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="NAME" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="FIPS_10_" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="ISO_A3" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="WB_A2" constraints="0" exp_strength="0"/>
    <constraint unique_strength="0" notnull_strength="0" field="WB_A3" constraints="0" exp_strength="0"/>
  </constraints>
  <constraintExpressions>
    <constraint desc="" exp="" field="fid"/>
    <constraint desc="" exp="" field="iso_a2"/>
    <constraint desc="" exp="" field="NAME"/>
    <constraint desc="" exp="" field="FIPS_10_"/>
    <constraint desc="" exp="" field="ISO_A3"/>
    <constraint desc="" exp="" field="WB_A2"/>
    <constraint desc="" exp="" field="WB_A3"/>
  </constraintExpressions>
  <expressionfields/>
  <attributeactions>
    <defaultAction value="{00000000-0000-0000-0000-000000000000}" key="Canvas"/>
  </attributeactions>
  <attributetableconfig sortExpression="" sortOrder="0" actionWidgetStyle="dropDown">
    <columns>
      <column hidden="0" width="-1" name="NAME" type="field"/>
      <column hidden="0" width="-1" name="FIPS_10_" type="field"/>
      <column hidden="0" width="-1" name="ISO_A3" type="field"/>
      <column hidden="0" width="-1" name="WB_A2" type="field"/>
      <column hidden="0" width="-1" name="WB_A3" type="field"/>
      <column hidden="1" width="-1" type="actions"/>
      <column hidden="0" width="-1" name="fid" type="field"/>
      <column hidden="0" width="-1" name="iso_a2" type="field"/>
    </columns>
  </attributetableconfig>
  <conditionalstyles>
    <rowstyles/>
    <fieldstyles/>
  </conditionalstyles>
  <storedexpressions/>
  <editform tolerant="1"></editform>
  <editforminit/>
  <editforminitcodesource>0</editforminitcodesource>
  <editforminitfilepath></editforminitfilepath>
  <editforminitcode><![CDATA[# -*- coding: utf-8 -*-
"""
QGIS forms can have a Python function that is called when the form is
opened.

Use this function to add extra logic to your forms.

Enter the name of the function in the "Python Init function"
field.
An example follows:
"""
from qgis.PyQt.QtWidgets import QWidget

def my_form_open(dialog, layer, feature):
	geom = feature.geometry()
	control = dialog.findChild(QWidget, "MyLineEdit")
]]></editforminitcode>
  <featformsuppress>0</featformsuppress>
  <editorlayout>generatedlayout</editorlayout>
  <editable>
    <field name="ABBREV" editable="1"/>
    <field name="ABBREV_LEN" editable="1"/>
    <field name="ADM0_A3" editable="1"/>
    <field name="ADM0_A3_IS" editable="1"/>
    <field name="ADM0_A3_UN" editable="1"/>
    <field name="ADM0_A3_US" editable="1"/>
    <field name="ADM0_A3_WB" editable="1"/>
    <field name="ADM0_DIF" editable="1"/>
    <field name="ADMIN" editable="1"/>
    <field name="BRK_A3" editable="1"/>
    <field name="BRK_DIFF" editable="1"/>
    <field name="BRK_GROUP" editable="1"/>
    <field name="BRK_NAME" editable="1"/>
    <field name="CONTINENT" editable="1"/>
    <field name="ECONOMY" editable="1"/>
    <field name="FIPS_10_" editable="1"/>
    <field name="FORMAL_EN" editable="1"/>
    <field name="FORMAL_FR" editable="1"/>
    <field name="GDP_MD_EST" editable="1"/>
    <field name="GDP_YEAR" editable="1"/>
    <field name="GEOUNIT" editable="1"/>
    <field name="GEOU_DIF" editable="1"/>
    <field name="GU_A3" editable="1"/>
    <field name="HOMEPART" editable="1"/>
    <field name="INCOME_GRP" editable="1"/>
    <field name="ISO_A2" editable="1"/>
    <field name="ISO_A3" editable="1"/>
    <field name="ISO_A3_EH" editable="1"/>
    <field name="ISO_N3" editable="1"/>
    <field name="LABELRANK" editable="1"/>
    <field name="LASTCENSUS" editable="1"/>
    <field name="LEVEL" editable="1"/>
    <field name="LONG_LEN" editable="1"/>
    <field name="MAPCOLOR13" editable="1"/>
    <field name="MAPCOLOR7" editable="1"/>
    <field name="MAPCOLOR8" editable="1"/>
    <field name="MAPCOLOR9" editable="1"/>
    <field name="MAX_LABEL" editable="1"/>
    <field name="MIN_LABEL" editable="1"/>
    <field name="MIN_ZOOM" editable="1"/>
    <field name="NAME" editable="1"/>
    <field name="NAME_ALT" editable="1"/>
    <field name="NAME_AR" editable="1"/>
    <field name="NAME_BN" editable="1"/>
    <field name="NAME_CIAWF" editable="1"/>
    <field name="NAME_DE" editable="1"/>
    <field name="NAME_EL" editable="1"/>
    <field name="NAME_EN" editable="1"/>
    <field name="NAME_ES" editable="1"/>
    <field name="NAME_FR" editable="1"/>
    <field name="NAME_HI" editable="1"/>
    <field name="NAME_HU" editable="1"/>
    <field name="NAME_ID" editable="1"/>
    <field name="NAME_IT" editable="1"/>
    <field name="NAME_JA" editable="1"/>
    <field name="NAME_KO" editable="1"/>
    <field name="NAME_LEN" editable="1"/>
    <field name="NAME_LONG" editable="1"/>
    <field name="NAME_NL" editable="1"/>
    <field name="NAME_PL" editable="1"/>
    <field name="NAME_PT" editable="1"/>
    <field name="NAME_RU" editable="1"/>
    <field name="NAME_SORT" editable="1"/>
    <field name="NAME_SV" editable="1"/>
    <field name="NAME_TR" editable="1"/>
    <field name="NAME_VI" editable="1"/>
    <field name="NAME_ZH" editable="1"/>
    <field name="NE_ID" editable="1"/>
    <field name="NOTE_ADM0" editable="1"/>
    <field name="NOTE_BRK" editable="1"/>
    <field name="POP_EST" editable="1"/>
    <field name="POP_RANK" editable="1"/>
    <field name="POP_YEAR" editable="1"/>
    <field name="POSTAL" editable="1"/>
    <field name="REGION_UN" editable="1"/>
    <field name="REGION_WB" editable="1"/>
    <field name="SOVEREIGNT" editable="1"/>
    <field name="SOV_A3" editable="1"/>
    <field name="SUBREGION" editable="1"/>
    <field name="SUBUNIT" editable="1"/>
    <field name="SU_A3" editable="1"/>
    <field name="SU_DIF" editable="1"/>
    <field name="TINY" editable="1"/>
    <field name="TYPE" editable="1"/>
    <field name="UN_A3" editable="1"/>
    <field name="WB_A2" editable="1"/>
    <field name="WB_A3" editable="1"/>
    <field name="WIKIDATAID" editable="1"/>
    <field name="WIKIPEDIA" editable="1"/>
    <field name="WOE_ID" editable="1"/>
    <field name="WOE_ID_EH" editable="1"/>
    <field name="WOE_NOTE" editable="1"/>
    <field name="featurecla" editable="1"/>
    <field name="fid" editable="1"/>
    <field name="iso_a2" editable="1"/>
    <field name="scalerank" editable="1"/>
  </editable>
  <labelOnTop>
    <field labelOnTop="0" name="ABBREV"/>
    <field labelOnTop="0" name="ABBREV_LEN"/>
    <field labelOnTop="0" name="ADM0_A3"/>
    <field labelOnTop="0" name="ADM0_A3_IS"/>
    <field labelOnTop="0" name="ADM0_A3_UN"/>
    <field labelOnTop="0" name="ADM0_A3_US"/>
    <field labelOnTop="0" name="ADM0_A3_WB"/>
    <field labelOnTop="0" name="ADM0_DIF"/>
    <field labelOnTop="0" name="ADMIN"/>
    <field labelOnTop="0" name="BRK_A3"/>
    <field labelOnTop="0" name="BRK_DIFF"/>
    <field labelOnTop="0" name="BRK_GROUP"/>
    <field labelOnTop="0" name="BRK_NAME"/>
    <field labelOnTop="0" name="CONTINENT"/>
    <field labelOnTop="0" name="ECONOMY"/>
    <field labelOnTop="0" name="FIPS_10_"/>
    <field labelOnTop="0" name="FORMAL_EN"/>
    <field labelOnTop="0" name="FORMAL_FR"/>
    <field labelOnTop="0" name="GDP_MD_EST"/>
    <field labelOnTop="0" name="GDP_YEAR"/>
    <field labelOnTop="0" name="GEOUNIT"/>
    <field labelOnTop="0" name="GEOU_DIF"/>
    <field labelOnTop="0" name="GU_A3"/>
    <field labelOnTop="0" name="HOMEPART"/>
    <field labelOnTop="0" name="INCOME_GRP"/>
    <field labelOnTop="0" name="ISO_A2"/>
    <field labelOnTop="0" name="ISO_A3"/>
    <field labelOnTop="0" name="ISO_A3_EH"/>
    <field labelOnTop="0" name="ISO_N3"/>
    <field labelOnTop="0" name="LABELRANK"/>
    <field labelOnTop="0" name="LASTCENSUS"/>
    <field labelOnTop="0" name="LEVEL"/>
    <field labelOnTop="0" name="LONG_LEN"/>
    <field labelOnTop="0" name="MAPCOLOR13"/>
    <field labelOnTop="0" name="MAPCOLOR7"/>
    <field labelOnTop="0" name="MAPCOLOR8"/>
    <field labelOnTop="0" name="MAPCOLOR9"/>
    <field labelOnTop="0" name="MAX_LABEL"/>
    <field labelOnTop="0" name="MIN_LABEL"/>
    <field labelOnTop="0" name="MIN_ZOOM"/>
    <field labelOnTop="0" name="NAME"/>
    <field labelOnTop="0" name="NAME_ALT"/>
    <field labelOnTop="0" name="NAME_AR"/>
    <field labelOnTop="0" name="NAME_BN"/>
    <field labelOnTop="0" name="NAME_CIAWF"/>
    <field labelOnTop="0" name="NAME_DE"/>
    <field labelOnTop="0" name="NAME_EL"/>
    <field labelOnTop="0" name="NAME_EN"/>
    <field labelOnTop="0" name="NAME_ES"/>
    <field labelOnTop="0" name="NAME_FR"/>
    <field labelOnTop="0" name="NAME_HI"/>
    <field labelOnTop="0" name="NAME_HU"/>
    <field labelOnTop="0" name="NAME_ID"/>
    <field labelOnTop="0" name="NAME_IT"/>
    <field labelOnTop="0" name="NAME_JA"/>
    <field labelOnTop="0" name="NAME_KO"/>
    <field labelOnTop="0" name="NAME_LEN"/>
    <field labelOnTop="0" name="NAME_LONG"/>
    <field labelOnTop="0" name="NAME_NL"/>
    <field labelOnTop="0" name="NAME_PL"/>
    <field labelOnTop="0" name="NAME_PT"/>
    <field labelOnTop="0" name="NAME_RU"/>
    <field labelOnTop="0" name="NAME_SORT"/>
    <field labelOnTop="0" name="NAME_SV"/>
    <field labelOnTop="0" name="NAME_TR"/>
    <field labelOnTop="0" name="NAME_VI"/>
    <field labelOnTop="0" name="NAME_ZH"/>
    <field labelOnTop="0" name="NE_ID"/>
    <field labelOnTop="0" name="NOTE_ADM0"/>
    <field labelOnTop="0" name="NOTE_BRK"/>
    <field labelOnTop="0" name="POP_EST"/>
    <field labelOnTop="0" name="POP_RANK"/>
    <field labelOnTop="0" name="POP_YEAR"/>
    <field labelOnTop="0" name="POSTAL"/>
    <field labelOnTop="0" name="REGION_UN"/>
    <field labelOnTop="0" name="REGION_WB"/>
    <field labelOnTop="0" name="SOVEREIGNT"/>
    <field labelOnTop="0" name="SOV_A3"/>
    <field labelOnTop="0" name="SUBREGION"/>
    <field labelOnTop="0" name="SUBUNIT"/>
    <field labelOnTop="0" name="SU_A3"/>
    <field labelOnTop="0" name="SU_DIF"/>
    <field labelOnTop="0" name="TINY"/>
    <field labelOnTop="0" name="TYPE"/>
    <field labelOnTop="0" name="UN_A3"/>
    <field labelOnTop="0" name="WB_A2"/>
    <field labelOnTop="0" name="WB_A3"/>
    <field labelOnTop="0" name="WIKIDATAID"/>
    <field labelOnTop="0" name="WIKIPEDIA"/>
    <field labelOnTop="0" name="WOE_ID"/>
    <field labelOnTop="0" name="WOE_ID_EH"/>
    <field labelOnTop="0" name="WOE_NOTE"/>
    <field labelOnTop="0" name="featurecla"/>
    <field labelOnTop="0" name="fid"/>
    <field labelOnTop="0" name="iso_a2"/>
    <field labelOnTop="0" name="scalerank"/>
  </labelOnTop>
  <reuseLastValue/>
  <dataDefinedFieldProperties/>
  <widgets/>
  <previewExpression>NAME</previewExpression>
  <mapTip></mapTip>
  <layerGeometryType>2</layerGeometryType>
</qgis>
